package com.billingportal.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
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

	private final CardService cards;

	ProfilesController(BillingAccountService accounts, BillingProfileService profiles, CardService cards) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.cards = cards;
	}

	@GetMapping("/billing/accounts/{accountId}/profiles")
	String list(@CurrentUser PortalUser user, @PathVariable long accountId, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		List<BillingProfile> all = this.profiles.profilesOf(accountId);
		Map<Long, CreditCard> defaults = this.cards.cardsOf(accountId)
			.stream()
			.filter((c) -> all.stream().anyMatch((p) -> Objects.equals(p.defaultCardId(), c.id())))
			.collect(Collectors.toMap(CreditCard::id, Function.identity()));
		model.addAttribute("access", access);
		model.addAttribute("profiles", all);
		model.addAttribute("defaults", defaults);
		return "profile/list";
	}

}
