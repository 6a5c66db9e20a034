package com.billingportal.card.web;

import java.util.ArrayList;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.card.CardService.DuplicateCardException;
import com.billingportal.card.CreditCard;
import com.billingportal.card.EditCardForm;
import com.billingportal.card.NewCardForm;
import com.billingportal.card.NewCardValidator;
import com.billingportal.card.PaymentMethodService;
import com.billingportal.card.PaymentMethodService.PaymentMethodRefusedException;
import com.billingportal.portal.CountryList;
import com.billingportal.portal.Flash;
import com.billingportal.portal.NotFoundException;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payment methods, per billing profile: the profile's default (Replace), the account's credit cards
 * (Edit, Make default, Delete) and Add payment method. Everyone with a role sees them; only the
 * billing account admin changes them ({@link PaymentMethodService} refuses anyone else).
 */
@Controller
@RequestMapping("/billing/accounts/{accountId}/payment-methods")
class PaymentMethodsController {

	private static final String PAGE = "card/payment-methods";

	private final BillingProfileService profiles;

	private final PaymentMethodService methods;

	private final NewCardValidator validator;

	PaymentMethodsController(BillingProfileService profiles, PaymentMethodService methods,
			NewCardValidator validator) {
		this.profiles = profiles;
		this.methods = methods;
		this.validator = validator;
	}

	/** The billing profile the page is about: the one asked for, or the account's first; another account's is 404. */
	@ModelAttribute("profile")
	BillingProfile profile(AccountAccess access, @RequestParam(required = false) String profile) {
		if (profile != null && profile.matches("[0-9]{1,18}")) {
			return this.profiles.profile(access.accountId(), Long.parseLong(profile));
		}
		List<BillingProfile> all = this.profiles.profilesOf(access.accountId());
		if (all.isEmpty()) {
			throw new NotFoundException("Billing profile");
		}
		return all.get(0);
	}

	@GetMapping
	String list(AccountAccess access, @ModelAttribute(name = "profile", binding = false) BillingProfile profile, Model model) {
		return render(model, access, profile, NewCardForm.empty(), null);
	}

	@PostMapping
	String add(AccountAccess access, @CurrentUser PortalUser user, @ModelAttribute(name = "profile", binding = false) BillingProfile profile,
			@ModelAttribute("card") NewCardForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		this.validator.validate(form, result);
		if (!result.hasErrors()) {
			try {
				CreditCard card = this.methods.add(access, user.actor(), form, profile.id());
				Flash.success(redirect, "methods.added", card.brand().displayName() + " •••• " + card.lastFour());
				return redirectTo(access, profile);
			}
			catch (DuplicateCardException ex) {
				result.rejectValue("number", "card.number.duplicate");
			}
		}
		return render(model, access, profile, form.withoutSecrets(), result);
	}

	@PostMapping("/default")
	String makeDefault(AccountAccess access, @CurrentUser PortalUser user,
			@ModelAttribute(name = "profile", binding = false) BillingProfile profile, @RequestParam(defaultValue = "") String card,
			RedirectAttributes redirect) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		if (!card.matches("[0-9]{1,18}")) {
			Flash.error(redirect, "methods.default.choose", null);
			return redirectTo(access, profile);
		}
		try {
			this.methods.makeDefault(access, user.actor(), profile.id(), Long.parseLong(card));
			Flash.success(redirect, "methods.default.done", profile.name());
		}
		catch (PaymentMethodRefusedException ex) {
			Flash.error(redirect, ex.reasons().get(0).messageKey(), ex.reasons().get(0).argument());
		}
		return redirectTo(access, profile);
	}

	@GetMapping("/{cardId}/edit")
	String editForm(AccountAccess access, @PathVariable long cardId,
			@ModelAttribute(name = "profile", binding = false) BillingProfile profile, Model model) {
		CreditCard card = this.methods.card(access, cardId);
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		return renderEdit(model, access, profile, card, EditCardForm.of(card), null);
	}

	@PostMapping("/{cardId}/edit")
	String edit(AccountAccess access, @CurrentUser PortalUser user, @PathVariable long cardId,
			@ModelAttribute(name = "profile", binding = false) BillingProfile profile, @ModelAttribute("form") EditCardForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CreditCard card = this.methods.card(access, cardId);
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		this.validator.validate(form, result);
		if (result.hasErrors()) {
			return renderEdit(model, access, profile, card, form, result);
		}
		this.methods.edit(access, user.actor(), cardId, form);
		Flash.success(redirect, "methods.edited", card.brand().displayName() + " •••• " + card.lastFour());
		return redirectTo(access, profile);
	}

	@PostMapping("/{cardId}/delete")
	String delete(AccountAccess access, @CurrentUser PortalUser user, @PathVariable long cardId,
			@ModelAttribute(name = "profile", binding = false) BillingProfile profile, RedirectAttributes redirect) {
		try {
			CreditCard card = this.methods.delete(access, user.actor(), cardId);
			Flash.success(redirect, "methods.deleted", card.brand().displayName() + " •••• " + card.lastFour());
		}
		catch (PaymentMethodRefusedException ex) {
			redirect.addFlashAttribute("deleteRefused", new ArrayList<>(ex.reasons()));
			redirect.addFlashAttribute("deleteRefusedCard", cardId);
		}
		return redirectTo(access, profile);
	}

	private String render(Model model, AccountAccess access, BillingProfile profile, NewCardForm form,
			BindingResult errors) {
		List<CreditCard> cards = this.methods.cards(access);
		model.addAttribute("access", access);
		model.addAttribute("profiles", this.profiles.profilesOf(access.accountId()));
		model.addAttribute("cards", cards);
		model.addAttribute("defaultCard",
				cards.stream().filter((c) -> c.id().equals(profile.defaultCardId())).findFirst().orElse(null));
		model.addAttribute("currentMonth", this.methods.currentMonth());
		bindForm(model, "card", form, errors);
		model.addAttribute("countries", CountryList.options());
		return PAGE;
	}

	private String renderEdit(Model model, AccountAccess access, BillingProfile profile, CreditCard card,
			EditCardForm form, BindingResult errors) {
		model.addAttribute("access", access);
		model.addAttribute("editing", card);
		model.addAttribute("currentMonth", this.methods.currentMonth());
		bindForm(model, "form", form, errors);
		return "card/edit";
	}

	/** The form as the page shows it, with the errors found on the posted one. */
	private static void bindForm(Model model, String name, Object form, BindingResult errors) {
		BindingResult binding = new BeanPropertyBindingResult(form, name);
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, binding);
	}

	private static String redirectTo(AccountAccess access, BillingProfile profile) {
		return "redirect:/billing/accounts/" + access.accountId() + "/payment-methods?profile=" + profile.id();
	}

}
