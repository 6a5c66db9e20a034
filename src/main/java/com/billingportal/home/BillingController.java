package com.billingportal.home;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Cost Management + Billing: the billing scopes, and one account's overview. */
@Controller
@RequestMapping("/billing")
class BillingController {

	private final BillingAccountService accounts;

	private final AccountOverview overview;

	BillingController(BillingAccountService accounts, AccountOverview overview) {
		this.accounts = accounts;
		this.overview = overview;
	}

	@GetMapping
	String scopes(@CurrentUser PortalUser user, Model model) {
		List<AccountAccess> mine = this.accounts.accountsOf(user.id());
		if (mine.size() == 1) {
			return "redirect:/billing/accounts/" + mine.get(0).accountId();
		}
		model.addAttribute("accounts", mine);
		return "home/scopes";
	}

	@GetMapping("/accounts/{accountId}")
	String overview(AccountAccess access, Model model, Locale locale) {
		AccountOverview.Facts facts = this.overview.read(access.accountId(), locale);
		model.addAttribute("access", access);
		model.addAttribute("balance", facts.balance());
		model.addAttribute("pastDue", facts.pastDue());
		model.addAttribute("paymentProblem", facts.paymentProblem());
		model.addAttribute("autopayFailed", facts.autopayFailed());
		model.addAttribute("charts", facts.charts());
		return "home/overview";
	}

}
