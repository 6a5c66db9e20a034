package com.billingportal.notification;

/** The five kinds of email, each caused by one event. */
public enum EmailKind {

	INVOICE_ISSUED, PAYMENT_RECEIPT, PAYMENT_FAILED, INVOICE_PAST_DUE, CARD_EXPIRING;

	public String messageKey() {
		return "email.kind." + name();
	}

}
