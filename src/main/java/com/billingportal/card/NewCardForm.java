package com.billingportal.card;

/**
 * "Add a new payment method" as typed. Every field is text so that nothing typed is lost to a
 * conversion error; {@link NewCardValidator} says what is wrong in the user's words.
 */
public record NewCardForm(String holderName, String number, String expiryMonth, String expiryYear, String cvc,
		String country, String postalCode, Boolean makeDefault) {

	/** An unticked checkbox sends nothing: that means no. */
	public NewCardForm {
		makeDefault = Boolean.TRUE.equals(makeDefault);
	}

	public static NewCardForm empty() {
		return new NewCardForm("", "", "", "", "", "US", "", false);
	}

	/** The same form without the card number and CVC: what may be shown back to the browser. */
	public NewCardForm withoutSecrets() {
		return new NewCardForm(this.holderName, "", this.expiryMonth, this.expiryYear, "", this.country,
				this.postalCode, this.makeDefault);
	}

	@Override
	public String toString() {
		return "NewCardForm[holder=" + this.holderName + "]";
	}

}
