package com.billingportal.invoice;

import java.util.List;
import java.util.stream.Stream;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.AgreementType;
import com.billingportal.account.Role;
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
 * The invoices list's statements run with PostgreSQL's generic plans ({@link GenericPlans}), for the
 * list's read only: with 100,000 invoices PostgreSQL otherwise planned the page's statement again at
 * every execution; not with a billing profile chosen. On H2 nothing is sent for it.
 */
@PortalTest
class InvoiceListGenericPlansTest {

	@Autowired
	InvoiceService invoices;

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
	void theListsReadUsesGenericPlansUntilItsTransactionEnds() {
		AccountAccess admin = new AccountAccess(this.demo.contoso(), "Contoso Ltd",
				AgreementType.MICROSOFT_CUSTOMER_AGREEMENT, Role.OWNER, true);
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		List<String> during = readOnly.execute((tx) -> {
			assertThat(this.invoices.page(admin, InvoiceFilter.all(), 0).getContent()).isNotEmpty();
			return planCacheMode();
		});
		List<String> after = readOnly.execute((tx) -> planCacheMode());
		List<String> withProfile = readOnly.execute((tx) -> {
			this.invoices.page(admin, new InvoiceFilter(this.demo.profileId("Contoso Billing"), null, null), 0);
			return planCacheMode();
		});
		if (TestDatabase.postgres()) {
			assertThat(during.get(0)).isEqualTo("force_generic_plan");
			// The same connection (Hikari hands a thread the one it used last), so the mode did not leak.
			assertThat(after).as("the next transaction on the pooled connection").containsExactly("auto", during.get(1));
			assertThat(withProfile.get(0)).as("a profile's list keeps custom plans").isEqualTo("auto");
		}
	}

	/**
	 * A generic plan must know how many rows the page asks for: bound, the limit is a tenth of the
	 * account's rows to PostgreSQL's generic plan, which then read the whole table (17.9 ms against
	 * 0.4 ms at 100,000 invoices). Checked on the statement's text, on both databases.
	 */
	@Test
	void thePagesRowLimitIsWrittenIntoItsStatement() {
		AccountAccess admin = new AccountAccess(this.demo.contoso(), "Contoso Ltd",
				AgreementType.MICROSOFT_CUSTOMER_AGREEMENT, Role.OWNER, true);
		this.statements.reset();
		this.invoices.page(admin, InvoiceFilter.all(), 0);
		List<String> paged = this.statements.prepared()
			.stream()
			.filter((sql) -> sql.toLowerCase(java.util.Locale.ROOT).contains("invoice_number"))
			.toList();
		assertThat(paged).as("the page's statement").hasSize(1);
		assertThat(paged.get(0).toLowerCase(java.util.Locale.ROOT)).containsPattern("fetch first \\d+ rows only")
			.doesNotContainPattern("fetch first \\? rows");
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
