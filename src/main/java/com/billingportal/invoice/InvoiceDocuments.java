package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.account.SoldToQuery;
import com.billingportal.profile.BillToQuery;

import org.springframework.stereotype.Service;

/**
 * Reads an invoice with everything it shows: the account's name and address, the billing profile's,
 * the line items. Three plain SQL statements, each in the module that owns its table, in no
 * transaction: at read committed (both databases' default, which the portal keeps) a transaction would not
 * make them one snapshot either, and each part is read whole by one statement. The admin's copy
 * ({@link #documentForAdmin}) first finds the admin's access through JPA, in that service's own
 * read-only transaction.
 */
@Service
public class InvoiceDocuments {

	private final BillingAccountService accounts;

	private final SoldToQuery soldTo;

	private final BillToQuery billTo;

	private final InvoiceService invoices;

	private final InvoiceDocumentQuery query;

	InvoiceDocuments(BillingAccountService accounts, SoldToQuery soldTo, BillToQuery billTo, InvoiceService invoices,
			InvoiceDocumentQuery query) {
		this.accounts = accounts;
		this.soldTo = soldTo;
		this.billTo = billTo;
		this.invoices = invoices;
		this.query = query;
	}

	/** The account's invoice by its number, or 404 (another account's invoice included). */
	public InvoiceDocument document(AccountAccess access, String number) {
		return document(access, this.query.invoiceWithLines(access.accountId(), number));
	}

	/** The invoice as its billing account admin sees it (Pay now included when they could pay it). */
	public InvoiceDocument documentForAdmin(long accountId, long invoiceId) {
		AccountAccess admin = this.accounts.adminAccess(accountId);
		return document(admin, this.query.invoiceWithLines(accountId, invoiceId));
	}

	private InvoiceDocument document(AccountAccess access, InvoiceDocumentQuery.InvoiceWithLines found) {
		Invoice invoice = found.invoice();
		return new InvoiceDocument(this.soldTo.soldTo(access.accountId()),
				this.billTo.billTo(access.accountId(), invoice.billingProfileId()), invoice,
				invoice.status(this.invoices.today()), found.lines(), this.invoices.payability(access, invoice));
	}

}
