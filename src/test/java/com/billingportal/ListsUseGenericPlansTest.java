package com.billingportal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.portal.GenericPlans;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import com.billingportal.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The lists' statements run with PostgreSQL's generic plans ({@link GenericPlans}), for the list's
 * read only: with 100,000 invoices PostgreSQL otherwise planned each page's statement again at every
 * execution; not the invoices with a billing profile chosen, nor the payments with a status chosen.
 * On H2 nothing is sent for it.
 */
@PortalTest
class ListsUseGenericPlansTest {

	@Autowired
	InvoiceService invoices;

	@Autowired
	PaymentQueries payments;

	@Autowired
	GenericPlans genericPlans;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlStatements statements;

	@Autowired
	DemoData demo;

	@Test
	void theInvoicesListsReadUsesGenericPlansUntilItsTransactionEnds() {
		AccountAccess admin = this.demo.adminAccess();
		usesGenericPlansUntilItsTransactionEnds(
				() -> assertThat(this.invoices.page(admin, InvoiceFilter.all(), 0).getContent()).isNotEmpty(),
				() -> this.invoices.page(admin, new InvoiceFilter(this.demo.profileId("Contoso Billing"), null, null),
						0),
				"a profile's list keeps custom plans");
	}

	@Test
	void thePaymentsListsReadUsesGenericPlansUntilItsTransactionEnds() {
		AccountAccess admin = this.demo.adminAccess();
		usesGenericPlansUntilItsTransactionEnds(
				() -> assertThat(this.payments.page(admin, null, InvoiceFilter.TimeSpan.ALL, 0).rows().getContent())
					.isNotEmpty(),
				() -> this.payments.page(admin, PaymentStatus.SUCCEEDED, InvoiceFilter.TimeSpan.ALL, 0),
				"a status's list keeps custom plans");
	}

	private void usesGenericPlansUntilItsTransactionEnds(Runnable list, Runnable customPlansList, String whyCustom) {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		List<String> during = readOnly.execute((tx) -> {
			list.run();
			return planCacheMode();
		});
		List<String> after = readOnly.execute((tx) -> planCacheMode());
		List<String> filtered = readOnly.execute((tx) -> {
			customPlansList.run();
			return planCacheMode();
		});
		if (TestDatabase.postgres()) {
			assertThat(during.get(0)).isEqualTo("force_generic_plan");
			// The same connection (Hikari hands a thread the one it used last), so the mode did not leak.
			assertThat(after).as("the next transaction on the pooled connection").containsExactly("auto", during.get(1));
			assertThat(filtered.get(0)).as(whyCustom).isEqualTo("auto");
		}
	}

	/**
	 * A generic plan must know how many rows the page asks for: bound, the limit is a tenth of the
	 * account's rows to PostgreSQL's generic plan, which then read the whole table (17.9 ms against
	 * 0.4 ms at 100,000 invoices). Checked on the statement's text, on both databases.
	 */
	@Test
	void theInvoicesPagesRowLimitIsWrittenIntoItsStatement() {
		AccountAccess admin = this.demo.adminAccess();
		this.statements.reset();
		this.invoices.page(admin, InvoiceFilter.all(), 0);
		pageStatementWithWrittenLimit("invoice_number");
	}

	/**
	 * The Payments page too, whose ids are found first from the index alone: the last of 4,800 pages
	 * joined every payment before it to its invoice and card (76 ms; 8 ms from the index).
	 */
	@Test
	void thePaymentsPagesRowLimitIsWrittenIntoItsStatementsIdsSubquery() {
		AccountAccess admin = this.demo.adminAccess();
		this.statements.reset();
		this.payments.page(admin, null, InvoiceFilter.TimeSpan.ALL, 0);
		assertThat(pageStatementWithWrittenLimit("payment_ref")).containsPattern(
				"in\\s*\\(\\s*select \\w+\\.id from payment .*fetch first \\d+ rows only\\s*\\)");
	}

	/**
	 * The one paged statement naming {@code namedColumn}, lower-cased; asserts that it writes its row
	 * limit rather than binding it.
	 */
	private String pageStatementWithWrittenLimit(String namedColumn) {
		List<String> paged = this.statements.prepared()
			.stream()
			.map((sql) -> sql.toLowerCase(Locale.ROOT))
			.filter((sql) -> sql.contains(namedColumn) && sql.contains(" offset "))
			.toList();
		assertThat(paged).as("the page's statement").hasSize(1);
		assertThat(paged.get(0)).containsPattern("fetch first \\d+ rows only").doesNotContainPattern("fetch first \\? rows");
		return paged.get(0);
	}

	@Test
	void oneStatementOnPostgresNoneOnH2() {
		long sent = new TransactionTemplate(this.transactions).execute((tx) -> {
			this.statements.reset();
			this.genericPlans.forThisTransaction();
			return this.statements.count();
		});
		assertThat(sent).isEqualTo(TestDatabase.postgres() ? 1 : 0);
	}

	@Test
	void outsideATransactionItIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.genericPlans.forThisTransaction())
			.withMessageContaining("transaction");
	}

	/**
	 * PostgreSQL's plan_cache_mode in the current transaction and the connection's server process; on
	 * H2, which has no such setting, nothing.
	 */
	private List<String> planCacheMode() {
		return TestDatabase.postgres()
				? this.jdbc.queryForList("select current_setting('plan_cache_mode') || ' ' || pg_backend_pid()",
						String.class)
					.stream()
					.flatMap((row) -> Stream.of(row.split(" ")))
					.toList()
				: List.of();
	}

}
