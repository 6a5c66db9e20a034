package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.billingportal.money.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures a billing account's overview shows from its invoices: the balance due, the past-due
 * count and the charges by month. Each is one plain SQL statement, outside any transaction, of a
 * bounded number of rows whatever the account holds (the sums {@link InvoiceTotals} keeps: a row per
 * currency, at most 12 months per currency; at most {@code PastDueCount.MAX + 1} index entries).
 * Read through Spring Data and Hibernate, most of their time went to those layers rather than to
 * the database (H2's part a sixth; async-profiler, docs/performance.md). Statuses are written into
 * the SQL as literals, their enum names as JPA stores them (see {@code PAST_DUE}); dates are bound
 * as {@link LocalDate}, with no time zone.
 */
@Component
public class InvoiceFigures {

	private static final String BALANCE = """
			select currency, amount from invoice_balance
			where billing_account_id = ? and invoices > 0
			order by currency""";

	// The limit is in the subquery: the count reads at most MAX + 1 entries of the index on
	// (account, status, due date), however many invoices are past due. The status is a literal, an
	// InvoiceStatus name: a bound status leaves PostgreSQL's generic plan blind to how many rows
	// it selects (PaymentQueries' failed-payment question read every payment that way). The limit is
	// written in too: bound, PostgreSQL's generic plan took it for a tenth of the rows it expected,
	// judged itself dearer than a plan for the values at hand, and so planned the statement again at
	// every execution once an account had many invoices (a 0.19 ms bind against 0.03 ms of execution
	// at 100,000 invoices; docs/performance.md).
	private static final String PAST_DUE = """
			select count(*) from (
			  select i.id from invoice i
			  where i.billing_account_id = ? and i.status = 'DUE' and i.due_date < ?
			  order by i.due_date fetch first %d rows only) p""".formatted(PastDueCount.MAX + 1);

	private static final String CHARGES = """
			select currency, month_start, amount from monthly_charges
			where billing_account_id = ? and month_start >= ? and invoices > 0""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	InvoiceFigures(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the account's open invoices still owe, per currency, in currency order. */
	public List<Money> balanceDue(long accountId) {
		return this.jdbc.query(BALANCE, (rs, row) -> Money.of(rs.getBigDecimal(2), rs.getString(1)), accountId);
	}

	/**
	 * How many of the account's invoices are past due, up to {@link PastDueCount#MAX}: beyond that the
	 * overview says "more than" rather than reading every one of them.
	 */
	public PastDueCount pastDueCount(long accountId) {
		Long counted = this.jdbc.queryForObject(PAST_DUE, Long.class, accountId, today());
		return PastDueCount.of((counted != null) ? counted : 0);
	}

	/**
	 * What the account was charged in each of the last 12 months (this one included), per currency
	 * in currency order: a month without invoices is zero.
	 */
	public List<MonthlyCharges> chargesByMonth(long accountId) {
		YearMonth last = YearMonth.from(today());
		YearMonth first = last.minusMonths(11);
		Map<String, Map<YearMonth, Money>> byCurrency = new TreeMap<>();
		this.jdbc.query(CHARGES, (rs) -> {
			String currency = rs.getString(1);
			BigDecimal amount = rs.getBigDecimal(3);
			byCurrency.computeIfAbsent(currency, (c) -> new HashMap<>())
				.put(YearMonth.from(rs.getObject(2, LocalDate.class)), Money.of(amount, currency));
		}, accountId, first.atDay(1));
		return byCurrency.entrySet()
			.stream()
			.map((e) -> MonthlyCharges.of(e.getKey(), first, e.getValue()))
			.toList();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * A count of past-due invoices, exact up to {@link #MAX}.
	 *
	 * @param count the invoices, or {@link #MAX} when there are more
	 * @param more whether there are more than {@code count}
	 */
	public record PastDueCount(long count, boolean more) {

		public static final int MAX = 99;

		static PastDueCount of(long counted) {
			return (counted > MAX) ? new PastDueCount(MAX, true) : new PastDueCount(counted, false);
		}

	}

}
