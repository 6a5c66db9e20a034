package com.billingportal.home;

import java.util.List;
import java.util.Locale;

import com.billingportal.autopay.AutomaticPayments;
import com.billingportal.invoice.InvoiceFigures;
import com.billingportal.invoice.InvoiceFigures.PastDueCount;
import com.billingportal.money.Money;
import com.billingportal.money.MoneyFormat;
import com.billingportal.payment.PaymentQueries;

import org.springframework.stereotype.Service;

/**
 * What a billing account's overview shows: five reads (of the invoices, payments and automatic
 * payments), each one plain SQL statement, in no transaction. Read through Spring Data and
 * Hibernate, in one read-only transaction, they were a fifth of the page's CPU, most of it in those
 * layers rather than in the database (async-profiler, docs/performance.md); each statement sees what
 * is committed when it runs, as it did within the read-committed transaction. Only when automatic
 * payments gave up does the banner read those invoices too, through the invoice service.
 * {@code PageStatementsTest} counts the statements.
 */
@Service
class AccountOverview {

	private final InvoiceFigures invoices;

	private final PaymentQueries payments;

	private final AutomaticPayments autopay;

	private final MoneyFormat money;

	AccountOverview(InvoiceFigures invoices, PaymentQueries payments, AutomaticPayments autopay, MoneyFormat money) {
		this.invoices = invoices;
		this.payments = payments;
		this.autopay = autopay;
		this.money = money;
	}

	Facts read(long accountId, Locale locale) {
		return new Facts(this.invoices.balanceDue(accountId), this.invoices.pastDueCount(accountId),
				this.payments.hasFailedPaymentOnOpenInvoice(accountId), this.autopay.gaveUpUnpaid(accountId),
				this.invoices.chargesByMonth(accountId)
					.stream()
					.map((charges) -> ChargesChart.of(charges, this.money, locale))
					.toList());
	}

	/**
	 * The overview's facts.
	 *
	 * @param balance what the open invoices still owe, per currency
	 * @param pastDue how many invoices are past due
	 * @param paymentProblem whether a payment of an open invoice failed
	 * @param autopayFailed the unpaid invoices whose automatic payment gave up
	 * @param charts the charges of the last 12 months, one chart per currency
	 */
	record Facts(List<Money> balance, PastDueCount pastDue, boolean paymentProblem, List<String> autopayFailed,
			List<ChargesChart> charts) {
	}

}
