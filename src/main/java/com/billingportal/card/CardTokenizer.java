package com.billingportal.card;

/**
 * Port to the payment processor's vault: the card number goes there and nowhere else.
 */
public interface CardTokenizer {

	TokenizedCard tokenize(CardDetails card);

	/** A card as typed: held in memory for the one call to the vault, never stored or logged. */
	record CardDetails(String number, int expiryMonth, int expiryYear, String cvc, String holderName) {

		@Override
		public String toString() {
			return "CardDetails[****" + CardNumbers.lastFour(this.number) + "]";
		}

	}

}
