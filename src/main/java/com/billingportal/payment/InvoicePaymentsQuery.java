package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.billingportal.money.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An invoice's payment attempts as its page and PDF show them ({@link InvoicePayments}): newest first,
 * each with the invoice's part of it and what refunds gave back of that part, as one plain SQL
 * statement outside any transaction. Through Spring Data and Hibernate (the JPQL
 * {@code PaymentAllocationRepository.paymentsWithPartsOf}, whole {@link Payment} entities, in a
 * read-only transaction of {@link PaymentQueries}), the read took 5 % of the invoice page's request in
 * async-profiler even for an invoice with no payments (docs/performance.md). The API's invoice, which
 * shows more of each payment, still reads the entities ({@link PaymentQueries#partsOf}).
 * <p>
 * The cards are the card module's: {@link InvoicePayments} asks it for them, not this statement.
 */
@Component
class InvoicePaymentsQuery {

	// The columns of Payment the section reads (InvoicePaymentsQueryTest compares them with JPA's read),
	// in the JPQL's order; no status in the condition, so no literal is needed.
	private static final String SQL = """
			select p.payment_ref, p.card_id, p.amount, p.currency, p.status, p.failure_reason, p.created_at,
			  a.amount, a.amount_refunded
			from payment_allocation a join payment p on p.id = a.payment_id
			where a.invoice_id = ? and p.billing_account_id = ?
			order by p.created_at desc, p.id desc""";

	private final JdbcTemplate jdbc;

	InvoicePaymentsQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every attempt to pay the account's invoice, alone or with others, newest first; none for another account's. */
	List<PaymentOfInvoice> paymentsOfInvoice(long accountId, long invoiceId) {
		return this.jdbc.query(SQL, (rs, row) -> {
			String currency = rs.getString(4);
			String reason = rs.getString(6);
			OffsetDateTime created = rs.getObject(7, OffsetDateTime.class);
			return new PaymentOfInvoice(rs.getString(1), rs.getLong(2), Money.of(rs.getBigDecimal(3), currency),
					PaymentStatus.valueOf(rs.getString(5)), (reason != null) ? FailureReason.valueOf(reason) : null,
					created.toInstant(), rs.getBigDecimal(8), Money.of(rs.getBigDecimal(9), currency));
		}, invoiceId, accountId);
	}

	/**
	 * One attempt to pay an invoice: what {@link Payment} says of it (its reference, card, amount,
	 * status, failure reason and creation, from the same columns), the invoice's part of its amount
	 * and what refunds gave back of that part (of several invoices, this one's only).
	 */
	public record PaymentOfInvoice(String reference, long cardId, Money amount, PaymentStatus status,
			FailureReason failureReason, Instant createdAt, BigDecimal part, Money refunded) {
	}

}
