package com.billingportal.payment;

/** How much of a succeeded payment has been given back. */
public enum RefundState {

	PARTIALLY_REFUNDED, REFUNDED;

	public String messageKey() {
		return "payment.refund." + name();
	}

}
