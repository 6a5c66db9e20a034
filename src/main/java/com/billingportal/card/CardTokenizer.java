package com.billingportal.card;

/**
 * Port to the payment processor's vault: the card number goes there and nowhere else.
 */
public interface CardTokenizer {

	/** Sends the card to the vault. Only for a number {@link #accepts} took. */
	TokenizedCard tokenize(CardDetails card);

	/**
	 * Whether the vault takes this card number (digits only) at all. A live processor takes any;
	 * a test mode takes only its test cards, so that a real card typed into it goes nowhere.
	 */
	default boolean accepts(String number) {
		return true;
	}

	/** A card as typed: held in memory for the one call to the vault, never stored or logged. */
	record CardDetails(String number, int expiryMonth, int expiryYear, String cvc, String holderName) {

		@Override
		public String toString() {
			return "CardDetails[****" + CardNumbers.lastFour(this.number) + "]";
		}

	}

}
