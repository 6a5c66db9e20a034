package com.billingportal.card;

/** "Edit" on a saved card: what a renewed card changes. Text fields, checked by {@link NewCardValidator}. */
public record EditCardForm(String holderName, String expiryMonth, String expiryYear) {

	public static EditCardForm of(CreditCard card) {
		return new EditCardForm(card.holderName(), String.valueOf(card.expiry().getMonthValue()),
				String.valueOf(card.expiry().getYear()));
	}

}
