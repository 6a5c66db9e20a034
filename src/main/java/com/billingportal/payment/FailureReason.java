package com.billingportal.payment;

/** Why a payment failed, in Azure's categories. */
public enum FailureReason {

	BANK_DECLINED, CARD_EXPIRED, INCORRECT_CARD_DETAILS, OTHER;

	public String messageKey() {
		return "payment.failure." + name();
	}

}
