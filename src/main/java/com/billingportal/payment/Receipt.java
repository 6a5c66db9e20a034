package com.billingportal.payment;

import com.billingportal.card.CreditCard;
import com.billingportal.invoice.InvoiceStatus;
import com.billingportal.user.UserService.UserSummary;

/**
 * The receipt of a succeeded payment: what was paid, when, with which card, by whom, for which
 * invoice of which billing account.
 */
public record Receipt(Payment payment, String invoiceNumber, InvoiceStatus invoiceStatus, CreditCard card,
		long accountId, String accountName, UserSummary payer) {

	public boolean invoicePaid() {
		return this.invoiceStatus == InvoiceStatus.PAID;
	}

}
