package com.billingportal.profile.web;

import com.billingportal.account.AccountAccess;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.profile.PaymentMethodNames;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Billing profiles: each with its currency, bill-to, PO number and default payment method. */
@Controller
class ProfilesController {

	private final BillingProfileService profiles;

	private final PaymentMethodNames paymentMethods;

	ProfilesController(BillingProfileService profiles, PaymentMethodNames paymentMethods) {
		this.profiles = profiles;
		this.paymentMethods = paymentMethods;
	}

	@GetMapping("/billing/accounts/{accountId}/profiles")
	String list(AccountAccess access, Model model) {
		model.addAttribute("access", access);
		model.addAttribute("profiles", this.profiles.profilesOf(access.accountId()));
		model.addAttribute("defaults", this.paymentMethods.namesOf(access.accountId()));
		return "profile/list";
	}

}
