package com.billingportal.invoice;

import java.util.List;

import com.billingportal.account.BillingAccount;
import com.billingportal.profile.BillingProfile;

/**
 * Everything an invoice shows, on its page, in its PDF and in its usage CSV: read once, for a
 * user already known to have access to the account. Its invoice and lines are read by plain SQL
 * ({@link InvoiceDocumentQuery}) and are not managed by JPA: for showing, not for changing.
 *
 * @param status the status as of today (Past due is derived from the due date)
 * @param payability whether the reader may pay it now
 */
public record InvoiceDocument(BillingAccount account, BillingProfile profile, Invoice invoice, InvoiceStatus status,
		List<InvoiceLine> lines, Payability payability) {

	public boolean isPaid() {
		return this.status == InvoiceStatus.PAID;
	}

	/** Still to be paid (by wire transfer, or by card where allowed): neither paid nor void. */
	public boolean isOpen() {
		return !isPaid() && this.status != InvoiceStatus.VOID;
	}

}
