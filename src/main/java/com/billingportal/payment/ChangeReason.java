package com.billingportal.payment;

/**
 * Why a payment changed state, as kept in its audit trail and shown in its history on the
 * Payments page.
 */
public enum ChangeReason {

	/** The admin submitted Pay now. */
	STARTED,
	/** The gateway answered: charged. */
	CHARGED,
	/** The gateway answered: declined. */
	DECLINED,
	/** The gateway did not answer in time. */
	NO_ANSWER,
	/** The gateway answered, but the answer could not be recorded (the reconciler will find it). */
	NOT_RECORDED,
	/** The bank asks the payer to verify (3-D Secure). */
	VERIFICATION_REQUIRED,
	/** The payer completed the bank's verification. */
	VERIFIED,
	/** The bank's verification failed. */
	VERIFICATION_FAILED,
	/** The payer did not verify in time. */
	VERIFICATION_EXPIRED,
	/** The reconciler found the charge at the gateway. */
	RECONCILED_CHARGED,
	/** The reconciler found the charge declined at the gateway. */
	RECONCILED_DECLINED,
	/** The reconciler found that the gateway never received the charge, and cancelled it. */
	RECONCILED_NOT_RECEIVED,
	/**
	 * Money given back of a succeeded payment: recorded in its history (and so in the API's feed of
	 * changed payments), but no move of {@link PaymentStates}: the payment stays Succeeded.
	 */
	REFUNDED;

	/** Whether {@link PaymentStates} moves a payment by it (every reason but {@link #REFUNDED}). */
	public boolean isStateEvent() {
		return this != REFUNDED;
	}

	public String messageKey() {
		return "payment.change." + name();
	}

}
