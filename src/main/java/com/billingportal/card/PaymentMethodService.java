package com.billingportal.card;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The Payment methods page's rules. Everyone with a role sees the account's cards; only the
 * billing account admin adds, edits, makes default or deletes one, and every change is an audit
 * event. A card cannot be deleted while it is the default of a profile with invoices to pay, or
 * while a payment with it is in flight.
 */
@Service
@Transactional(readOnly = true)
public class PaymentMethodService {

	private final CardService cards;

	private final CreditCardRepository repository;

	private final NewCardValidator validator;

	private final BillingProfileService profiles;

	private final List<CardInUse> inUse;

	private final AuditService audit;

	PaymentMethodService(CardService cards, CreditCardRepository repository, NewCardValidator validator,
			BillingProfileService profiles, List<CardInUse> inUse, AuditService audit) {
		this.cards = cards;
		this.repository = repository;
		this.validator = validator;
		this.profiles = profiles;
		this.inUse = inUse;
		this.audit = audit;
	}

	public List<CreditCard> cards(AccountAccess access) {
		return this.cards.cardsOf(access.require(Permission.VIEW_INVOICES).accountId());
	}

	/** The account's card, or 404. */
	public CreditCard card(AccountAccess access, long cardId) {
		return this.cards.card(access.accountId(), cardId);
	}

	public java.time.YearMonth currentMonth() {
		return this.cards.currentMonth();
	}

	/** Adds a card; the same card twice is refused with {@link CardService.DuplicateCardException}. */
	@Transactional
	public CreditCard add(AccountAccess access, Actor actor, NewCardForm form, long profileId) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		return this.cards.add(access, actor, form, profileId);
	}

	/** Changes the holder's name and the expiry. The form must have passed {@link NewCardValidator}. */
	@Transactional
	public CreditCard edit(AccountAccess access, Actor actor, long cardId, EditCardForm form) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		CreditCard card = card(access, cardId);
		var errors = new BeanPropertyBindingResult(form, "form");
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			throw new IllegalArgumentException("Card edit has not been validated");
		}
		String before = card.holderName().length() + " character holder, expires " + card.expiry();
		card.edit(NewCardValidator.trim(form.holderName()), this.validator.expiry(form));
		this.repository.flush();
		this.audit.record(actor, "CARD_EDITED", "CreditCard", card.id(), access.accountId(),
				card.brand().displayName() + " ending " + card.lastFour() + ": " + before + " -> expires "
						+ card.expiry());
		return card;
	}

	/** Makes the card the profile's default payment method ("Make default", "Replace"). */
	@Transactional
	public void makeDefault(AccountAccess access, Actor actor, long profileId, long cardId) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		BillingProfile profile = this.profiles.profile(access.accountId(), profileId);
		CreditCard card = card(access, cardId);
		if (card.isExpiredAt(this.cards.currentMonth())) {
			throw new PaymentMethodRefusedException(List.of(new Reason("methods.default.expired", null)));
		}
		Long previous = profile.defaultCardId();
		this.profiles.makeDefault(access.accountId(), profileId, cardId);
		this.audit.record(actor, "CARD_MADE_DEFAULT", "CreditCard", card.id(), access.accountId(),
				"billing profile " + profileId + " (was " + previous + ")");
	}

	/** Why the card cannot be deleted now; empty when it can. */
	public List<Reason> deleteRefusals(AccountAccess access, CreditCard card) {
		List<Reason> reasons = new ArrayList<>();
		this.inUse.forEach((feature) -> reasons.addAll(feature.reasonsToKeep(access.accountId(), card.id())));
		return reasons;
	}

	/** Deletes the card, or refuses with every reason it cannot be deleted. */
	@Transactional
	public CreditCard delete(AccountAccess access, Actor actor, long cardId) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		CreditCard card = this.cards.lockCard(access.accountId(), cardId);
		List<Reason> reasons = deleteRefusals(access, card);
		if (!reasons.isEmpty()) {
			this.audit.recordRefusal(actor, "CARD_DELETE_REFUSED", "CreditCard", card.id(), access.accountId(),
					reasons.stream().map(Reason::messageKey).toList().toString());
			throw new PaymentMethodRefusedException(reasons);
		}
		card.remove();
		this.profiles.clearDefault(access.accountId(), card.id());
		this.repository.flush();
		this.audit.record(actor, "CARD_DELETED", "CreditCard", card.id(), access.accountId(),
				card.brand().displayName() + " ending " + card.lastFour());
		return card;
	}

	/** One reason a change is refused, as a message key and its argument. */
	public record Reason(String messageKey, String argument) implements Serializable {
	}

	/** "Cannot delete payment method" (or make it default), with every reason. */
	public static class PaymentMethodRefusedException extends RuntimeException {

		private final List<Reason> reasons;

		PaymentMethodRefusedException(List<Reason> reasons) {
			super(reasons.toString());
			this.reasons = List.copyOf(reasons);
		}

		public List<Reason> reasons() {
			return this.reasons;
		}

	}

}
