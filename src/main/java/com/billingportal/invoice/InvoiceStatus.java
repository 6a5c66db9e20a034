package com.billingportal.invoice;

public enum InvoiceStatus {

	/** Issued and not yet paid; the due date has not passed. */
	DUE,
	/** Due, and the due date has passed. Never stored: derived from {@link #DUE} and the date. */
	PAST_DUE,
	/** A payment is in flight; another attempt must wait for its outcome. */
	PROCESSING, PAID, VOID,
	/** Due, and part of it has been paid: a balance is left. Never stored: derived from {@link #DUE}. */
	PARTIALLY_PAID;

	public String messageKey() {
		return "invoice.status." + name();
	}

}
