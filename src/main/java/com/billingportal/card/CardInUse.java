package com.billingportal.card;

import java.util.List;

import com.billingportal.card.PaymentMethodService.Reason;

/**
 * Another feature's reasons to keep a card, asked before the card is deleted: the card is the
 * default of a profile with invoices still to pay, or a payment with it is in flight. The features
 * that know implement it, so that cards depend on none of them.
 */
public interface CardInUse {

	/** Why the account's card must be kept now; empty when this feature has no reason. */
	List<Reason> reasonsToKeep(long accountId, long cardId);

}
