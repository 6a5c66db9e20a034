package com.billingportal.invoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;

import org.springframework.web.util.UriUtils;

/**
 * A row of the invoices list as the page writes it: its dates and amounts in the reader's
 * language, its address and what the user may do with it, worked out once here rather than by an
 * expression each in the template. Each row of a list page was some 35 expressions, five of them
 * bean calls that SpEL cannot compile, and a fragment inserted for its status: a third of the
 * page's time (JFR, see docs/performance.md).
 *
 * @param row the invoice as read
 * @param path the invoice number as a segment of an address
 */
public record ListedInvoice(InvoiceRow row, String path, String invoiceDate, String periodStart, String periodEnd,
		String dueDate, String amountDue, String balanceDue, String cardLimit, boolean payNow, boolean wireOnly,
		boolean inProgress) {

	/** The rows of a page, written for {@code locale}, with what {@code access} may do with each. */
	public static List<ListedInvoice> of(List<InvoiceRow> rows, AccountAccess access, DateFormat dates,
			MoneyFormat money, Locale locale) {
		List<ListedInvoice> listed = new ArrayList<>(rows.size());
		for (InvoiceRow row : rows) {
			Payability payability = row.payability(access);
			listed.add(new ListedInvoice(row, UriUtils.encodePathSegment(row.number(), "UTF-8"),
					dates.date(row.invoiceDate(), locale), dates.date(row.periodStart(), locale),
					dates.date(row.periodEnd(), locale), dates.date(row.dueDate(), locale),
					money.format(row.amountDue(), locale), money.format(row.balanceDue(), locale),
					money.format(row.cardLimit(), locale), payability.isPayNow(), payability.isWireOnly(),
					payability.isInProgress()));
		}
		return listed;
	}

	public String number() {
		return this.row.number();
	}

	public InvoiceStatus status() {
		return this.row.status();
	}

	public boolean isPartiallyPaid() {
		return this.row.isPartiallyPaid();
	}

}
