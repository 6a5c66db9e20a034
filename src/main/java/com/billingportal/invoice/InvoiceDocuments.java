package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.profile.BillingProfileService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an invoice with everything it shows: account, billing profile, line items. */
@Service
@Transactional(readOnly = true)
public class InvoiceDocuments {

	private final BillingAccountService accounts;

	private final BillingProfileService profiles;

	private final InvoiceService invoices;

	private final InvoiceDocumentQuery query;

	InvoiceDocuments(BillingAccountService accounts, BillingProfileService profiles, InvoiceService invoices,
			InvoiceDocumentQuery query) {
		this.accounts = accounts;
		this.profiles = profiles;
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
		return new InvoiceDocument(this.accounts.account(access),
				this.profiles.profile(access.accountId(), invoice.billingProfileId()), invoice,
				invoice.status(this.invoices.today()), found.lines(), this.invoices.payability(access, invoice));
	}

}
