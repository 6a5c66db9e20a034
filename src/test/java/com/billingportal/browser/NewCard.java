package com.billingportal.browser;

import java.time.Year;

/** What a user types into "Add a new payment method". Sandbox test cards only. */
public record NewCard(String holderName, String number, String expiryMonth, String expiryYear, String cvc,
		String country, String postalCode) {

	/** Succeeds. */
	public static NewCard visa() {
		return of("4242 4242 4242 4242");
	}

	/** Declined by the bank. */
	public static NewCard declined() {
		return of("4000 0000 0000 0002");
	}

	/** Asks for 3-D Secure verification. */
	public static NewCard needsVerification() {
		return of("4000 0027 6000 3184");
	}

	public static NewCard of(String number) {
		return new NewCard("Avery Chen", number, "08", String.valueOf(Year.now().getValue() + 3), "123",
				"United States", "98052");
	}

}
