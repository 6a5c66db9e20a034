package com.billingportal.invoice;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's past-due count reads at most 100 invoices in the database (issue 11): the limit is
 * in the query, not applied to a count of all of them.
 */
@PortalTest
class PastDueCountTest {

	@Autowired
	InvoiceFigures figures;

	@Autowired
	DemoData demo;

	@Autowired
	SqlStatements statements;

	@Test
	void theQueryStopsAtItsLimit() {
		long account = this.demo.fabrikam();
		long profile = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class, account);
		LocalDate today = LocalDate.now();
		for (int i = 0; i < 130; i++) {
			this.demo.jdbc()
				.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
						+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
						+ "values (?, ?, ?, ?, ?, ?, ?, 10, 0, 10, 'EUR', 'DUE', 0)", "R" + String.format("%09d", i),
						account, profile, Date.valueOf(today.minusDays(60)), Date.valueOf(today.minusDays(90)),
						Date.valueOf(today.minusDays(61)), Date.valueOf(today.minusDays(30)));
		}
		this.demo.invoicesWritten(account);

		assertThat(this.figures.pastDueCount(account)).isEqualTo(new InvoiceFigures.PastDueCount(99, true));
		int pastDue = this.demo.jdbc()
			.queryForObject("select count(*) from invoice where billing_account_id = ? and status = 'DUE' and due_date < ?",
					Integer.class, account, Date.valueOf(today));
		assertThat(pastDue).as("every past-due invoice, as counted without the limit").isGreaterThan(130);
	}

	/**
	 * The limit is written into the statement, not bound: PostgreSQL's generic plan takes a bound
	 * limit for a tenth of the rows it expects, and at 100,000 invoices it planned the count again at
	 * every execution instead.
	 */
	@Test
	void itsLimitIsWrittenIntoTheStatement() {
		long account = this.demo.contoso();
		this.statements.reset();
		this.figures.pastDueCount(account);
		assertThat(this.statements.prepared()).singleElement()
			.satisfies((sql) -> assertThat(sql.toLowerCase(Locale.ROOT))
				.contains("fetch first " + (InvoiceFigures.PastDueCount.MAX + 1) + " rows only"));
	}

}
