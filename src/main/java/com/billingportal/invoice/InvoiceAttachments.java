package com.billingportal.invoice;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;

/**
 * Files other features keep about an invoice (the receipts of the payments made against it), put
 * beside its PDF and usage CSV when several invoices are downloaded at once, without the invoice
 * feature depending on them.
 */
public interface InvoiceAttachments {

	/** The files, each rendered in the reader's language; none when the feature has nothing. */
	List<Attachment> attachments(AccountAccess access, Invoice invoice, Locale locale);

	/** One file: its name inside the invoice's folder, and its bytes. */
	record Attachment(String fileName, byte[] content) {
	}

}
