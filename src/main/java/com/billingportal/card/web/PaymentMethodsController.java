package com.billingportal.card.web;

import java.util.ArrayList;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService.Actor;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payment methods, per billing profile: the profile's default (Replace), the account's credit cards
 * (Edit, Make default, Delete) and Add payment method. Everyone with a role sees them; only the
 * billing account admin changes them ({@link PaymentMethodService} refuses anyone else).
 */
@Controller
class PaymentMethodsController {

	private static final String PAGE = "card/payment-methods";

	private final BillingAccountService accounts;

	private final BillingProfileService profiles;

	private final PaymentMethodService methods;

	private final NewCardValidator validator;

	PaymentMethodsController(BillingAccountService accounts, BillingProfileService profiles,
			PaymentMethodService methods, NewCardValidator validator) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.methods = methods;
		this.validator = validator;
	}

	@GetMapping("/billing/accounts/{accountId}/payment-methods")
	String list(@CurrentUser PortalUser user, @PathVariable long accountId,
			@RequestParam(required = false) String profile, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		return render(model, access, selected(access, profile), NewCardForm.empty(), null);
	}

	@PostMapping("/billing/accounts/{accountId}/payment-methods")
	String add(@CurrentUser PortalUser user, @PathVariable long accountId,
			@RequestParam(required = false) String profile, @ModelAttribute("card") NewCardForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		AccountAccess access = this.accounts.access(user.id(), accountId).require(Permission.MANAGE_PAYMENT_METHODS);
		BillingProfile billingProfile = selected(access, profile);
		this.validator.validate(form, result);
		if (!result.hasErrors()) {
			try {
				CreditCard card = this.methods.add(access, actor(user), form, billingProfile.id());
				Flash.success(redirect, "methods.added", card.brand().displayName() + " •••• " + card.lastFour());
				return redirectTo(accountId, billingProfile);
			}
			catch (DuplicateCardException ex) {
				result.rejectValue("number", "card.number.duplicate");
			}
		}
		return render(model, access, billingProfile, form.withoutSecrets(), result);
	}

	@PostMapping("/billing/accounts/{accountId}/payment-methods/default")
	String makeDefault(@CurrentUser PortalUser user, @PathVariable long accountId,
			@RequestParam(required = false) String profile, @RequestParam(defaultValue = "") String card,
			RedirectAttributes redirect) {
		AccountAccess access = this.accounts.access(user.id(), accountId).require(Permission.MANAGE_PAYMENT_METHODS);
		BillingProfile billingProfile = selected(access, profile);
		Long cardId = parseId(card);
		if (cardId == null) {
			Flash.error(redirect, "methods.default.choose", null);
			return redirectTo(accountId, billingProfile);
		}
		try {
			this.methods.makeDefault(access, actor(user), billingProfile.id(), cardId);
			Flash.success(redirect, "methods.default.done", billingProfile.name());
		}
		catch (PaymentMethodRefusedException ex) {
			Flash.error(redirect, ex.reasons().get(0).messageKey(), ex.reasons().get(0).argument());
		}
		return redirectTo(accountId, billingProfile);
	}

	@GetMapping("/billing/accounts/{accountId}/payment-methods/{cardId}/edit")
	String editForm(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable long cardId,
			@RequestParam(required = false) String profile, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		CreditCard card = this.methods.card(access, cardId);
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		return renderEdit(model, access, selected(access, profile), card, EditCardForm.of(card), null);
	}

	@PostMapping("/billing/accounts/{accountId}/payment-methods/{cardId}/edit")
	String edit(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable long cardId,
			@RequestParam(required = false) String profile, @ModelAttribute("form") EditCardForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		CreditCard card = this.methods.card(access, cardId);
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		BillingProfile billingProfile = selected(access, profile);
		this.validator.validate(form, result);
		if (result.hasErrors()) {
			return renderEdit(model, access, billingProfile, card, form, result);
		}
		this.methods.edit(access, actor(user), cardId, form);
		Flash.success(redirect, "methods.edited", card.brand().displayName() + " •••• " + card.lastFour());
		return redirectTo(accountId, billingProfile);
	}

	@PostMapping("/billing/accounts/{accountId}/payment-methods/{cardId}/delete")
	String delete(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable long cardId,
			@RequestParam(required = false) String profile, RedirectAttributes redirect) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		BillingProfile billingProfile = selected(access, profile);
		try {
			CreditCard card = this.methods.delete(access, actor(user), cardId);
			Flash.success(redirect, "methods.deleted", card.brand().displayName() + " •••• " + card.lastFour());
		}
		catch (PaymentMethodRefusedException ex) {
			redirect.addFlashAttribute("deleteRefused", new ArrayList<>(ex.reasons()));
			redirect.addFlashAttribute("deleteRefusedCard", cardId);
		}
		return redirectTo(accountId, billingProfile);
	}

	/** The profile asked for, or the account's first; another account's profile is 404. */
	private BillingProfile selected(AccountAccess access, String profile) {
		Long id = parseId(profile);
		if (id != null) {
			return this.profiles.profile(access.accountId(), id);
		}
		List<BillingProfile> all = this.profiles.profilesOf(access.accountId());
		if (all.isEmpty()) {
			throw new NotFoundException("Billing profile");
		}
		return all.get(0);
	}

	private String render(Model model, AccountAccess access, BillingProfile profile, NewCardForm form,
			BindingResult errors) {
		List<CreditCard> cards = this.methods.cards(access);
		model.addAttribute("access", access);
		model.addAttribute("profiles", this.profiles.profilesOf(access.accountId()));
		model.addAttribute("profile", profile);
		model.addAttribute("cards", cards);
		model.addAttribute("defaultCard",
				cards.stream().filter((c) -> c.id().equals(profile.defaultCardId())).findFirst().orElse(null));
		model.addAttribute("currentMonth", this.methods.currentMonth());
		BindingResult binding = new BeanPropertyBindingResult(form, "card");
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute("card", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "card", binding);
		model.addAttribute("countries", CountryList.countries());
		return PAGE;
	}

	private String renderEdit(Model model, AccountAccess access, BillingProfile profile, CreditCard card,
			EditCardForm form, BindingResult errors) {
		model.addAttribute("access", access);
		model.addAttribute("profile", profile);
		model.addAttribute("editing", card);
		model.addAttribute("currentMonth", this.methods.currentMonth());
		BindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
		return "card/edit";
	}

	private static String redirectTo(long accountId, BillingProfile profile) {
		return "redirect:/billing/accounts/" + accountId + "/payment-methods?profile=" + profile.id();
	}

	private static Long parseId(String value) {
		return (value != null && value.matches("[0-9]{1,18}")) ? Long.valueOf(value) : null;
	}

	private static Actor actor(PortalUser user) {
		return new Actor(user.id(), user.email());
	}

}
