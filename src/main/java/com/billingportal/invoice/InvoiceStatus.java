package com.billingportal.invoice;

import java.util.List;

import com.billingportal.portal.Choice;

public enum InvoiceStatus {

	/** Issued and not yet paid; the due date has not passed. */
	DUE,
	/** Due, and the due date has passed. Never stored: derived from {@link #DUE} and the date. */
	PAST_DUE,
	/** A payment is in flight; another attempt must wait for its outcome. */
	PROCESSING, PAID, VOID,
	/** Due, and part of it has been paid: a balance is left. Never stored: derived from {@link #DUE}. */
	PARTIALLY_PAID;

	/** The options of the Invoices list's status filter. */
	public static final List<Choice> CHOICES = Choice.of(values(), InvoiceStatus::messageKey);

	private final String messageKey = "invoice.status." + name();

	private final String cssClass = "status status-" + name().toLowerCase(java.util.Locale.ROOT);

	public String messageKey() {
		return this.messageKey;
	}

	/** The status's classes in a page: {@code status status-past_due}. */
	public String cssClass() {
		return this.cssClass;
	}

	/** The symbol shown beside the words, so that a status is never told by colour alone. */
	public String symbol() {
		return switch (this) {
			case PAID -> "✓";
			case PAST_DUE -> "!";
			case VOID -> "∅";
			case PROCESSING -> "…";
			default -> "○";
		};
	}

}
