package com.billingportal.invoice;

import java.util.List;

import com.billingportal.account.SoldToQuery.SoldTo;
import com.billingportal.profile.BillToQuery.BillTo;

/**
 * Everything an invoice shows, on its page, in its PDF and in its usage CSV: read once, for a
 * user already known to have access to the account. All of it is read by plain SQL, each part in the
 * module that owns it ({@link InvoiceDocumentQuery}, {@code SoldToQuery}, {@code BillToQuery}); its invoice
 * and lines are not managed by JPA: for showing, not for changing.
 *
 * @param soldTo the account's name and sold-to address
 * @param billTo the billing profile's name, bill-to address, PO number and tax ID
 *
 * @param status the status as of today (Past due is derived from the due date)
 * @param payability whether the reader may pay it now
 */
public record InvoiceDocument(SoldTo soldTo, BillTo billTo, Invoice invoice, InvoiceStatus status,
		List<InvoiceLine> lines, Payability payability) {

	public boolean isPaid() {
		return this.status == InvoiceStatus.PAID;
	}

	/** Still to be paid (by wire transfer, or by card where allowed): neither paid nor void. */
	public boolean isOpen() {
		return !isPaid() && this.status != InvoiceStatus.VOID;
	}

}
