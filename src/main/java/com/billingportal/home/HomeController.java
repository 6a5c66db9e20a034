package com.billingportal.home;

import com.billingportal.account.BillingAccountService;
import com.billingportal.account.InvitationService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final BillingAccountService accounts;

	private final InvitationService invitations;

	HomeController(BillingAccountService accounts, InvitationService invitations) {
		this.accounts = accounts;
		this.invitations = invitations;
	}

	@GetMapping("/")
	String home(@CurrentUser PortalUser user, Model model) {
		model.addAttribute("services", PortalService.ALL);
		model.addAttribute("accounts", this.accounts.accountsOf(user.id()));
		// Invitations are not accounts yet: the home page links to them while any waits.
		model.addAttribute("pendingInvitations", this.invitations.pendingCount(user));
		return "home/home";
	}

}
