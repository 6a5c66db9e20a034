package com.billingportal.invoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;

import org.springframework.web.util.UriUtils;

/**
 * The values {@link ListedInvoiceRows} writes for a row of the invoices list: its dates and amounts in the reader's
 * language, its address and what the user may do with it, worked out once here rather than by an
 * expression each in the template. Each row of a list page was some 35 expressions, up to seven of
 * them bean calls that SpEL cannot compile, and a fragment inserted for its status: the rows were a
 * third of the Invoices page's samples (JFR, docs/performance.md, "What each change bought").
 *
 * @param row the invoice as read
 * @param numberSegment the invoice number escaped as a segment of an address
 * @param invoiceDate the dates, written for the reader
 * @param amountDue the invoice's amount, written for the reader
 * @param balanceDue what is left to pay, written for the reader; only for an invoice partly paid
 * @param cardLimit the card limit in the invoice's currency; only for an invoice paid by wire
 * @param payability what the user may do with the invoice: Pay now, a part and the rest by wire, or
 * wait for a payment in progress (the server asks again when a payment is made)
 */
public record ListedInvoice(InvoiceRow row, String numberSegment, String invoiceDate, String periodStart,
		String periodEnd, String dueDate, String amountDue, String balanceDue, String cardLimit,
		Payability payability) {

	/** The rows of a page, written for {@code locale}, with what {@code access} may do with each. */
	public static List<ListedInvoice> of(List<InvoiceRow> rows, AccountAccess access, DateFormat dates,
			MoneyFormat money, Locale locale) {
		List<ListedInvoice> listed = new ArrayList<>(rows.size());
		for (InvoiceRow row : rows) {
			Payability payability = row.payability(access);
			listed.add(new ListedInvoice(row, UriUtils.encodePathSegment(row.number(), "UTF-8"),
					dates.date(row.invoiceDate(), locale), dates.date(row.periodStart(), locale),
					dates.date(row.periodEnd(), locale), dates.date(row.dueDate(), locale),
					money.format(row.amountDue(), locale),
					row.isPartiallyPaid() ? money.format(row.balanceDue(), locale) : null,
					payability.isWireOnly() ? money.format(row.cardLimit(), locale) : null, payability));
		}
		return listed;
	}

	public String number() {
		return this.row.number();
	}

	public String billingProfileName() {
		return this.row.billingProfileName();
	}

	public InvoiceStatus status() {
		return this.row.status();
	}

	public boolean isPartiallyPaid() {
		return this.row.isPartiallyPaid();
	}

}
