package com.billingportal.payment.web;

import com.billingportal.card.NewCardForm;

/**
 * The Pay now blade as posted: the server-issued idempotency key, the chosen payment method (a
 * saved card's id, or {@code new}) and, for a new card, its details; the amount only for "Pay
 * another amount" (otherwise the server reads the balance from the invoice, and checks any part
 * typed against it).
 */
public record PayInvoiceForm(String idempotencyKey, String paymentMethod, NewCardForm newCard, String amount) {

	public static final String NEW_CARD = "new";

	public static PayInvoiceForm fresh(String idempotencyKey, Long defaultCardId) {
		return new PayInvoiceForm(idempotencyKey, (defaultCardId != null) ? defaultCardId.toString() : null,
				NewCardForm.empty(), null);
	}

	public boolean choosesNewCard() {
		return NEW_CARD.equals(this.paymentMethod);
	}

	public NewCardForm newCardOrEmpty() {
		return (this.newCard != null) ? this.newCard : NewCardForm.empty();
	}

	/** What may be shown back in the page after an error: never the card number or CVC. */
	public PayInvoiceForm withoutSecrets(String nextIdempotencyKey) {
		return new PayInvoiceForm(nextIdempotencyKey, this.paymentMethod, newCardOrEmpty().withoutSecrets(), this.amount);
	}

	/** "Pay another amount" was chosen: an amount was typed. */
	public boolean paysPart() {
		return this.amount != null && !this.amount.isBlank();
	}

	@Override
	public String toString() {
		return "PayInvoiceForm[" + this.paymentMethod + "]";
	}

}
