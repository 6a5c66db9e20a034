package com.billingportal.notification;

/** The kinds of email, each caused by one event. */
public enum EmailKind {

	INVOICE_ISSUED, PAYMENT_RECEIPT, PAYMENT_FAILED, INVOICE_PAST_DUE, CARD_EXPIRING, AUTOPAY_FAILED, ADMIN_INVITED;

	public String messageKey() {
		return "email.kind." + name();
	}

}
