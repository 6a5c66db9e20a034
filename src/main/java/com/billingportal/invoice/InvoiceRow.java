package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.Money;

/**
 * One row of the invoices list, read in one query with its billing profile's name; the card limit
 * in the row's currency, for "Pay by wire transfer" (above the card limit of ...).
 */
public record InvoiceRow(String number, long billingProfileId, String billingProfileName, LocalDate invoiceDate,
		LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, Money amountDue, Money balanceDue,
		InvoiceStatus status, boolean withinCardLimit, Money cardLimit) {

	public InvoiceRow(String number, Long billingProfileId, String billingProfileName, LocalDate invoiceDate,
			LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, BigDecimal amountDue, BigDecimal amountPaid,
			String currency, InvoiceStatus storedStatus, LocalDate today, BigDecimal cardLimit) {
		this(number, billingProfileId, billingProfileName, invoiceDate, periodStart, periodEnd, dueDate,
				Money.of(amountDue, currency), Money.of(amountDue.subtract(amountPaid), currency),
				Invoice.derive(storedStatus, dueDate, today, amountPaid),
				Invoice.isWithinCardLimit(amountDue.subtract(amountPaid), cardLimit), Money.of(cardLimit, currency));
	}

	/** Whether the user may pay this row's invoice now: see {@link Payability}. */
	Payability payability(AccountAccess access) {
		return Payability.of(this.status, this.balanceDue, this.withinCardLimit, access);
	}

	public boolean isPartiallyPaid() {
		return this.status == InvoiceStatus.PARTIALLY_PAID;
	}

}
