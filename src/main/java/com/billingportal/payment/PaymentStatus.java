package com.billingportal.payment;

public enum PaymentStatus {

	/** Committed before the gateway is called; also while the bank asks the payer to verify. */
	PENDING,
	/** The gateway did not answer in time: money may or may not have moved. */
	UNKNOWN, SUCCEEDED, FAILED;

	public boolean isSettled() {
		return this == SUCCEEDED || this == FAILED;
	}

	public String messageKey() {
		return "payment.status." + name();
	}

}
