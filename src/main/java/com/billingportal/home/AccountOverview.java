package com.billingportal.home;

import java.util.List;
import java.util.Locale;

import com.billingportal.autopay.AutomaticPayments;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.InvoiceService.PastDueCount;
import com.billingportal.money.Money;
import com.billingportal.money.MoneyFormat;
import com.billingportal.payment.PaymentQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a billing account's overview shows, read in one read-only transaction. Before, each of the
 * five reads (of the invoices, payments and automatic payments) began and ended its own: a
 * connection borrowed and given back and a persistence context opened and closed five times, 4 % of
 * the page's CPU (async-profiler, docs/performance.md). The statements are those the overview
 * always ran ({@code PageStatementsTest} counts them).
 */
@Service
@Transactional(readOnly = true)
class AccountOverview {

	private final InvoiceService invoices;

	private final PaymentQueries payments;

	private final AutomaticPayments autopay;

	private final MoneyFormat money;

	AccountOverview(InvoiceService invoices, PaymentQueries payments, AutomaticPayments autopay, MoneyFormat money) {
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
