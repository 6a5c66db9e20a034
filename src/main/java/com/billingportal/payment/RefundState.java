package com.billingportal.payment;

/** How much of a succeeded payment has been given back. */
public enum RefundState {

	PARTIALLY_REFUNDED, REFUNDED;

	/** The state of {@code refunded} of {@code paid}: null when nothing was refunded. */
	public static RefundState of(java.math.BigDecimal refunded, java.math.BigDecimal paid) {
		if (refunded == null || refunded.signum() <= 0) {
			return null;
		}
		return (refunded.compareTo(paid) >= 0) ? REFUNDED : PARTIALLY_REFUNDED;
	}

	public String messageKey() {
		return "payment.refund." + name();
	}

}
