package com.billingportal.payment;

import java.util.List;

import com.billingportal.portal.Choice;

public enum PaymentStatus {

	/** Committed before the gateway is called; also while the bank asks the payer to verify. */
	PENDING,
	/** The gateway did not answer in time: money may or may not have moved. */
	UNKNOWN, SUCCEEDED, FAILED;

	/** The options of the Payments list's status filter. */
	public static final List<Choice> CHOICES = Choice.of(values(), PaymentStatus::messageKey);

	public boolean isSettled() {
		return this == SUCCEEDED || this == FAILED;
	}

	public String messageKey() {
		return "payment.status." + name();
	}

}
