package com.billingportal.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.invoice.PartPayment;
import com.billingportal.invoice.Payability;
import com.billingportal.portal.ListPage;
import com.billingportal.portal.NotFoundException;
import com.billingportal.portal.Pages;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the pages read about payments: one by its reference, a page of them, an invoice's. */
@Service
@Transactional(readOnly = true)
public class PaymentQueries {

	private final PaymentRepository payments;

	private final PaymentAllocationRepository allocations;

	private final PaymentHistory history;

	private final PaymentStateChangeRepository changes;

	private final PaymentProperties properties;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	// The statuses are literals (PaymentStatus and InvoiceStatus names, as JPA stores them), as the
	// JPQL this replaced had them: bound as parameters, PostgreSQL's generic plan, which a prepared
	// statement settles on after five runs, cannot see how few payments failed and read every
	// payment of the account in primary-key order (10-20 ms at 100,000 invoices, against 0.1 ms).
	// A count, not a first row: with a row limit the planner prefers plans that stop early, which
	// read everything when there is nothing to find.
	private static final String FAILED_ON_OPEN_INVOICE = """
			select count(*) from payment p
			join payment_allocation a on a.payment_id = p.id
			join invoice i on i.id = a.invoice_id
			where p.billing_account_id = ? and p.status = 'FAILED' and i.status = 'DUE'""";

	PaymentQueries(PaymentRepository payments, PaymentAllocationRepository allocations, PaymentHistory history,
			PaymentStateChangeRepository changes, PaymentProperties properties, Clock clock, JdbcTemplate jdbc) {
		this.payments = payments;
		this.allocations = allocations;
		this.history = history;
		this.changes = changes;
		this.properties = properties;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The account's payment by its reference, or 404. */
	public Payment payment(AccountAccess access, String reference) {
		return this.payments.findByReferenceAndBillingAccountId(reference, access.accountId())
			.orElseThrow(() -> new NotFoundException("Payment"));
	}

	/**
	 * One page of the account's payments, newest first, filtered and paged in the database (a page
	 * past the end reads the last one), each with its state changes and every invoice it pays (each
	 * read for the whole page in one query). Without a status chosen, the page is read with
	 * PostgreSQL's generic plans ({@code PaymentRowsImpl}), which hold for the rest of this
	 * transaction: the state changes and invoice numbers, read after it, run with them too, and were
	 * checked (both look the page's payments up by reference, through {@code
	 * ix_payment_state_change_payment} and {@code uq_payment_ref}, as their custom plans do). A read
	 * added here runs with them as well: check its generic plan as {@code GenericPlans} says.
	 */
	public PaymentPage page(AccountAccess access, PaymentStatus status, InvoiceFilter.TimeSpan span, int page) {
		LocalDate since = span.since(LocalDate.now(this.clock));
		Instant from = (since != null) ? since.atStartOfDay(this.clock.getZone()).toInstant() : null;
		ListPage<PaymentRow> rows = Pages.read(page, this.properties.pageSize(),
				(pageable) -> this.payments.findRows(access.accountId(), status, from, pageable));
		List<String> references = rows.stream().map(PaymentRow::reference).toList();
		return new PaymentPage(rows, this.history.of(references), invoiceNumbersOf(references));
	}

	private Map<String, List<String>> invoiceNumbersOf(List<String> references) {
		if (references.isEmpty()) {
			return Map.of();
		}
		return this.allocations.invoiceNumbersOf(references)
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(PaymentAllocationRepository.PaidInvoiceNumber::getReference,
					java.util.stream.Collectors.mapping(PaymentAllocationRepository.PaidInvoiceNumber::getNumber,
							java.util.stream.Collectors.toList())));
	}

	/** A payment of one of the accounts by its reference, or 404 (the API: a client's accounts). */
	public Payment payment(Collection<Long> accountIds, String reference) {
		return this.payments.findByReference(reference)
			.filter((p) -> accountIds.contains(p.billingAccountId()))
			.orElseThrow(() -> new NotFoundException("Payment"));
	}

	/** Every attempt to pay the invoice, alone or with others, newest first. */
	public List<Payment> paymentsOf(Invoice invoice) {
		return this.allocations.paymentsOf(invoice.id());
	}

	/**
	 * Every attempt to pay the invoice, newest first, with the part of it the invoice got and what
	 * refunds gave back of that part: one statement. The API's invoice, which shows whole payments;
	 * the invoice page and PDF read the same rows through {@link InvoicePaymentsQuery}.
	 */
	public List<InvoicePart> partsOf(Invoice invoice) {
		return this.allocations.paymentsWithPartsOf(invoice.id())
			.stream()
			.map((row) -> new InvoicePart((Payment) row[0], (java.math.BigDecimal) row[1], (java.math.BigDecimal) row[2]))
			.toList();
	}

	/** A payment's part of one invoice, and what refunds gave back of it. */
	public record InvoicePart(Payment payment, java.math.BigDecimal amount, java.math.BigDecimal refunded) {
	}

	/**
	 * Whether "Pay another amount" is offered for the invoice: {@link PartPayment#isOffered}, asked
	 * by the blade as the payment asks it. "Declined" is a payment the bank or card declined
	 * ({@link PaymentAllocationRepository#existsDeclinedPaymentOf}), not one whose verification
	 * timed out or that the reconciler cancelled.
	 */
	public boolean offersPart(Payability payability, Invoice invoice, PartPayment rule) {
		return rule.isOffered(payability, invoice, () -> this.allocations.existsDeclinedPaymentOf(invoice.id()));
	}

	/**
	 * The ids of the invoices a payment pays or tried to pay, in invoice id order: one, or several
	 * paid with one charge ("Pay selected"). One statement.
	 */
	public List<Long> invoiceIdsOf(Payment payment) {
		return allocationsOf(payment).stream().map(PaymentAllocation::invoiceId).toList();
	}

	/**
	 * What the payment allocated to each invoice it pays or tried to pay, by invoice id in invoice
	 * id order (in the payment's currency): one, or several paid with one charge. One statement.
	 */
	public Map<Long, java.math.BigDecimal> allocatedAmountsOf(Payment payment) {
		Map<Long, java.math.BigDecimal> amounts = new java.util.LinkedHashMap<>();
		allocationsOf(payment).forEach((a) -> amounts.put(a.invoiceId(), a.amount()));
		return amounts;
	}

	/** The invoices a payment pays, by invoice id: one, or several paid with one charge. */
	List<PaymentAllocation> allocationsOf(Payment payment) {
		return this.allocations.findByPaymentIdOrderByInvoiceIdAsc(payment.id());
	}

	/**
	 * The accounts' payments that changed after the cursor (for a billing system's reconciliation),
	 * each once, with the cursor of its latest change, oldest change first: two statements.
	 */
	public List<ChangedPayment> changedSince(Collection<Long> accountIds, long after, int limit) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		var changed = this.changes.findChangedSince(accountIds, after, org.springframework.data.domain.Limit.of(limit));
		Map<String, Payment> byReference = this.payments
			.findByReferenceIn(changed.stream().map(PaymentStateChangeRepository.ChangedPayment::getReference).toList())
			.stream()
			.collect(java.util.stream.Collectors.toMap(Payment::reference, (p) -> p));
		return changed.stream().map((c) -> new ChangedPayment(byReference.get(c.getReference()), c.getCursor())).toList();
	}

	/** A payment and the cursor of its latest change. */
	public record ChangedPayment(Payment payment, long cursor) {
	}

	/**
	 * True when an invoice still due has a failed payment: the overview's "problem with your payment
	 * method". Every invoice of a declined payment counts, not only the first of several paid together.
	 * One plain SQL statement, in no transaction of its own: the overview asks on every view
	 * ({@code invoice.InvoiceFigures}, docs/performance.md). It reads the invoices' status, as the
	 * JPQL it replaced did.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean hasFailedPaymentOnOpenInvoice(long accountId) {
		Long failed = this.jdbc.queryForObject(FAILED_ON_OPEN_INVOICE, Long.class, accountId);
		return failed != null && failed > 0;
	}

	/**
	 * A page of payments and, by payment reference, each one's state changes, oldest first, and the
	 * numbers of the invoices it pays, by invoice id.
	 */
	public record PaymentPage(ListPage<PaymentRow> rows, Map<String, List<PaymentStateChange>> history,
			Map<String, List<String>> invoices) {

		public List<PaymentStateChange> historyOf(String reference) {
			return this.history.getOrDefault(reference, List.of());
		}

		/** Every invoice the payment pays: one, or each of several paid with one charge. */
		public List<String> invoicesOf(PaymentRow row) {
			return this.invoices.getOrDefault(row.reference(), List.of(row.invoiceNumber()));
		}

	}

}
