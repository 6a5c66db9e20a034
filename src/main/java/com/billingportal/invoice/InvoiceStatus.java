package com.billingportal.invoice;

public enum InvoiceStatus {

	/** Issued and not yet paid; the due date has not passed. */
	DUE,
	/** Due, and the due date has passed. Never stored: derived from {@link #DUE} and the date. */
	PAST_DUE,
	/** A payment is in flight; another attempt must wait for its outcome. */
	PROCESSING, PAID, VOID;

	public String messageKey() {
		return "invoice.status." + name();
	}

}
