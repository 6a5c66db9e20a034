package com.billingportal.profile.web;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.profile.PaymentMethodNames;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Billing profiles: each with its currency, bill-to, PO number and default payment method. */
@Controller
class ProfilesController {

	private final BillingAccountService accounts;

	private final BillingProfileService profiles;

	private final PaymentMethodNames paymentMethods;

	ProfilesController(BillingAccountService accounts, BillingProfileService profiles,
			PaymentMethodNames paymentMethods) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.paymentMethods = paymentMethods;
	}

	@GetMapping("/billing/accounts/{accountId}/profiles")
	String list(@CurrentUser PortalUser user, @PathVariable long accountId, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		model.addAttribute("access", access);
		model.addAttribute("profiles", this.profiles.profilesOf(accountId));
		model.addAttribute("defaults", this.paymentMethods.namesOf(accountId));
		return "profile/list";
	}

}
