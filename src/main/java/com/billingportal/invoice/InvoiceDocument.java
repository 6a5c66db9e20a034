package com.billingportal.invoice;

import java.util.List;

import com.billingportal.account.BillingAccount;
import com.billingportal.profile.BillingProfile;

/**
 * Everything an invoice shows, on its page, in its PDF and in its usage CSV: read once, for a
 * user already known to have access to the account.
 *
 * @param status the status as of today (Past due is derived from the due date)
 * @param withinCardLimit false when the invoice must be paid by wire transfer
 */
public record InvoiceDocument(BillingAccount account, BillingProfile profile, Invoice invoice, InvoiceStatus status,
		List<InvoiceLine> lines, boolean withinCardLimit) {

	public boolean isPaid() {
		return this.status == InvoiceStatus.PAID;
	}

}
