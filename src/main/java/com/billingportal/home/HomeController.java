package com.billingportal.home;

import com.billingportal.account.BillingAccountService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final BillingAccountService accounts;

	HomeController(BillingAccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home(@CurrentUser PortalUser user, Model model) {
		model.addAttribute("services", PortalService.ALL);
		model.addAttribute("accounts", this.accounts.accountsOf(user.id()));
		return "home/home";
	}

}
