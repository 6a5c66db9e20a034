package com.billingportal.profile.web;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.portal.CountryList;
import com.billingportal.portal.Flash;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.profile.PaymentMethodNames;
import com.billingportal.profile.ProfileForm;
import com.billingportal.profile.ProfileFormValidator;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing profiles: each with its currency, bill-to, PO number, tax ID, Invoice email preference
 * and default payment method. Everyone with a role reads them; only the billing account admin
 * edits one ({@link BillingProfileService#edit} refuses anyone else).
 */
@Controller
@RequestMapping("/billing/accounts/{accountId}/profiles")
class ProfilesController {

	private final BillingProfileService profiles;

	private final PaymentMethodNames paymentMethods;

	private final ProfileFormValidator validator;

	ProfilesController(BillingProfileService profiles, PaymentMethodNames paymentMethods,
			ProfileFormValidator validator) {
		this.profiles = profiles;
		this.paymentMethods = paymentMethods;
		this.validator = validator;
	}

	@GetMapping
	String list(AccountAccess access, Model model) {
		model.addAttribute("access", access);
		model.addAttribute("profiles", this.profiles.profilesWithRecipientsOf(access.accountId()));
		model.addAttribute("defaults", this.paymentMethods.namesOf(access.accountId()));
		return "profile/list";
	}

	@GetMapping("/{profileId}/edit")
	String editForm(AccountAccess access, @PathVariable long profileId, Model model) {
		BillingProfile profile = this.profiles.profileWithRecipients(access.accountId(), profileId);
		access.require(Permission.MANAGE_BILLING_PROFILES);
		return render(model, access, profile, ProfileForm.of(profile), null);
	}

	@PostMapping("/{profileId}/edit")
	String edit(AccountAccess access, @CurrentUser PortalUser user, @PathVariable long profileId,
			@ModelAttribute("form") ProfileForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		BillingProfile profile = this.profiles.profile(access.accountId(), profileId);
		access.require(Permission.MANAGE_BILLING_PROFILES);
		this.validator.validate(form, result);
		if (result.hasErrors()) {
			return render(model, access, profile, form, result);
		}
		BillingProfile saved = this.profiles.edit(access, user.actor(), profileId, form);
		Flash.success(redirect, "profile.edited", saved.name());
		return "redirect:/billing/accounts/" + access.accountId() + "/profiles";
	}

	private String render(Model model, AccountAccess access, BillingProfile profile, ProfileForm form,
			BindingResult errors) {
		BindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute("access", access);
		model.addAttribute("editing", profile);
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
		model.addAttribute("countries", CountryList.options());
		model.addAttribute("maxRecipients", ProfileFormValidator.MAX_RECIPIENTS);
		return "profile/edit";
	}

}
