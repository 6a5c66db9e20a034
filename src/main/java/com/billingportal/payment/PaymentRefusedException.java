package com.billingportal.payment;

/**
 * The attempt was refused before any money moved, for a reason the payer is told in the page.
 */
public class PaymentRefusedException extends RuntimeException {

	private final String messageKey;

	PaymentRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

	static PaymentRefusedException alreadyPaid() {
		return new PaymentRefusedException("pay.refused.alreadyPaid");
	}

	static PaymentRefusedException inProgress() {
		return new PaymentRefusedException("pay.refused.inProgress");
	}

	static PaymentRefusedException notPayable() {
		return new PaymentRefusedException("pay.refused.notPayable");
	}

	static PaymentRefusedException aboveCardLimit() {
		return new PaymentRefusedException("pay.refused.aboveCardLimit");
	}

	static PaymentRefusedException cardExpired() {
		return new PaymentRefusedException("pay.refused.cardExpired");
	}

	static PaymentRefusedException staleForm() {
		return new PaymentRefusedException("pay.refused.staleForm");
	}

}
