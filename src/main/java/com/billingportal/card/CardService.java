package com.billingportal.card;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.portal.NotFoundException;
import com.billingportal.profile.BillingProfileService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

@Service
@Transactional(readOnly = true)
public class CardService {

	private final CreditCardRepository cards;

	private final CardTokenizer tokenizer;

	private final CardFingerprints fingerprints;

	private final NewCardValidator validator;

	private final BillingProfileService profiles;

	private final AuditService audit;

	private final Clock clock;

	CardService(CreditCardRepository cards, CardTokenizer tokenizer, CardFingerprints fingerprints,
			NewCardValidator validator, BillingProfileService profiles, AuditService audit, Clock clock) {
		this.cards = cards;
		this.tokenizer = tokenizer;
		this.fingerprints = fingerprints;
		this.validator = validator;
		this.profiles = profiles;
		this.audit = audit;
		this.clock = clock;
	}

	/** The account's saved cards, oldest first. */
	public List<CreditCard> cardsOf(long accountId) {
		return this.cards.findByBillingAccountIdAndStatusOrderByIdAsc(accountId, CardStatus.ACTIVE);
	}

	/** The account's active card, or 404 (another account's card id included). */
	public CreditCard card(long accountId, long cardId) {
		return this.cards.findByIdAndBillingAccountIdAndStatus(cardId, accountId, CardStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("Payment method"));
	}

	/**
	 * The account's active card, locked until the caller's transaction ends: a payment starting
	 * with the card and the card's deletion wait for each other, so neither sees the other half done.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public CreditCard lockCard(long accountId, long cardId) {
		return this.cards.lockByIdAndAccount(cardId, accountId, CardStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("Payment method"));
	}

	/**
	 * The account's active card, held until the caller's transaction ends against its deletion but
	 * not against other payments with it: payments with one card run side by side, and the card's
	 * deletion ({@link #lockCard}) waits for every payment that has started with it, and they for it.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public CreditCard holdCardForPayment(long accountId, long cardId) {
		return this.cards.shareByIdAndAccount(cardId, accountId, CardStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("Payment method"));
	}

	/** One of the account's cards, removed ones included (a payment's history keeps its card). */
	public CreditCard cardOf(long accountId, long cardId) {
		return this.cards.findById(cardId)
			.filter((c) -> c.billingAccountId() == accountId)
			.orElseThrow(() -> new NotFoundException("Payment method"));
	}

	/**
	 * The account's cards among these ids, removed ones included (a payment's history keeps its card).
	 * Read as every card of the account, which is a handful, and picked here: a query with a list of
	 * ids would be translated by Hibernate anew on every call.
	 */
	public List<CreditCard> cardsById(long accountId, java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of()
				: this.cards.findEveryCardOf(accountId).stream().filter((c) -> ids.contains(c.id())).toList();
	}

	public YearMonth currentMonth() {
		return YearMonth.now(this.clock);
	}

	/**
	 * Sends a new card to the processor's vault, before any transaction starts: the number and CVC
	 * go there and are forgotten here; what comes back is only what may be stored.
	 */
	public PreparedCard prepare(AccountAccess access, NewCardForm form) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		var errors = new BeanPropertyBindingResult(form, "card");
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			throw new IllegalArgumentException("Card form has not been validated: " + errors.getFieldErrors().size()
					+ " field(s) in error");
		}
		CardTokenizer.CardDetails details = this.validator.details(form);
		TokenizedCard token = this.tokenizer.tokenize(details);
		return new PreparedCard(CardBrand.detect(details.number()), CardNumbers.lastFour(details.number()),
				YearMonth.of(details.expiryYear(), details.expiryMonth()), details.holderName(),
				NewCardValidator.trim(form.country()), NewCardValidator.trim(form.postalCode()), token,
				this.fingerprints.of(access.accountId(), details.number()), form.makeDefault());
	}

	/**
	 * The card typed in the Pay now blade, saved as a payment method. A card already saved on the
	 * account is charged with the token just made but is not edited (that is done, and audited, on
	 * the Payment methods page) — unless the saved one has expired: then the card typed is its
	 * renewal, and its expiry and token replace the old ones, so that the card can be charged again
	 * and made a default.
	 */
	@Transactional
	public AddedCard addForPayment(AccountAccess access, Actor actor, PreparedCard card, long profileId) {
		return save(access, actor, card, profileId, true, false);
	}

	/** Adds a payment method; the same card twice is refused with {@link DuplicateCardException}. */
	@Transactional
	public CreditCard add(AccountAccess access, Actor actor, NewCardForm form, long profileId) {
		PreparedCard card = prepare(access, form);
		return save(access, actor, card, profileId, false, card.makeDefault()).card();
	}

	/**
	 * Takes a card saved by a payment attempt that failed off the account's payment methods: a
	 * declined card is not kept. A card that has meanwhile been used by another payment, or made a
	 * profile's default, is kept.
	 */
	@Transactional
	public void discard(long accountId, long cardId, boolean usedElsewhere, Actor actor) {
		if (usedElsewhere || this.profiles.isDefaultAnywhere(accountId, cardId)) {
			return;
		}
		this.cards.findByIdAndBillingAccountIdAndStatus(cardId, accountId, CardStatus.ACTIVE).ifPresent((card) -> {
			card.remove();
			this.audit.record(actor, "CARD_DISCARDED", "CreditCard", card.id(), accountId,
					"saved by a payment attempt that failed");
		});
	}

	private AddedCard save(AccountAccess access, Actor actor, PreparedCard prepared, long profileId, boolean reuse,
			boolean makeDefault) {
		access.require(Permission.MANAGE_PAYMENT_METHODS);
		this.profiles.profile(access.accountId(), profileId);
		TokenizedCard token = prepared.token();
		var existing = this.cards.findFirstByBillingAccountIdAndFingerprintAndStatus(access.accountId(),
				prepared.fingerprint().value(), CardStatus.ACTIVE);
		CreditCard card;
		boolean created = existing.isEmpty();
		if (!created) {
			if (!reuse) {
				throw new DuplicateCardException();
			}
			card = lockCard(access.accountId(), existing.get().id());
			if (card.isExpiredAt(currentMonth())) {
				YearMonth expired = card.expiry();
				card.renew(prepared.expiry(), token);
				this.audit.record(actor, "CARD_RENEWED", "CreditCard", card.id(), access.accountId(),
						card.brand().displayName() + " ending " + card.lastFour() + ": expired " + expired
								+ ", typed again to pay -> expires " + card.expiry());
			}
		}
		else {
			card = this.cards.save(new CreditCard(access.accountId(), prepared.brand(), prepared.lastFour(),
					prepared.expiry(), prepared.holderName(), prepared.country(), prepared.postalCode(), token,
					prepared.fingerprint(), this.clock.instant()));
			this.audit.record(actor, "CARD_ADDED", "CreditCard", card.id(), access.accountId(),
					card.brand().displayName() + " ending " + card.lastFour());
		}
		if (makeDefault) {
			this.profiles.makeDefault(access.accountId(), profileId, card.id());
			this.audit.record(actor, "CARD_MADE_DEFAULT", "CreditCard", card.id(), access.accountId(),
					"billing profile " + profileId);
		}
		return new AddedCard(card, created, token.token());
	}

	/**
	 * A new card as the vault returned it: display fields, a token and the account's fingerprint of
	 * it, never the number or CVC.
	 */
	public record PreparedCard(CardBrand brand, String lastFour, YearMonth expiry, String holderName, String country,
			String postalCode, TokenizedCard token, CardFingerprint fingerprint, boolean makeDefault) {
	}

	/** The card to charge, whether this call saved it, and the token to charge it with. */
	public record AddedCard(CreditCard card, boolean created, String chargeToken) {
	}

	/** Refused: this card is already one of the account's payment methods. */
	public static class DuplicateCardException extends RuntimeException {

		public DuplicateCardException() {
			super("card.number.duplicate");
		}

	}

}
