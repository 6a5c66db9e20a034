package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.AgreementType;
import com.billingportal.account.Role;
import com.billingportal.portal.GenericPlans;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import com.billingportal.support.TestDatabase;
import jakarta.persistence.EntityManager;
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
 * every execution. On H2 nothing is sent for it.
 */
@PortalTest
class InvoiceListGenericPlansTest {

	@Autowired
	InvoiceService invoices;

	@Autowired
	GenericPlans genericPlans;

	@Autowired
	EntityManager entityManager;

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
		String during = readOnly.execute((tx) -> {
			assertThat(this.invoices.page(admin, InvoiceFilter.all(), 0).getContent()).isNotEmpty();
			return planCacheMode();
		});
		String after = readOnly.execute((tx) -> planCacheMode());
		if (TestDatabase.postgres()) {
			assertThat(this.genericPlans.isPostgres()).isTrue();
			assertThat(during).isEqualTo("force_generic_plan");
			assertThat(after).as("the next transaction on the pooled connection").isEqualTo("auto");
		}
		else {
			assertThat(this.genericPlans.isPostgres()).isFalse();
		}
	}

	@Test
	void onH2NothingIsSent() {
		long sent = new TransactionTemplate(this.transactions).execute((tx) -> {
			this.statements.reset();
			this.genericPlans.forThisTransaction(this.entityManager);
			return this.statements.count();
		});
		assertThat(sent).isEqualTo(TestDatabase.postgres() ? 1 : 0);
	}

	@Test
	void outsideATransactionItIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.genericPlans.forThisTransaction(this.entityManager))
			.withMessageContaining("transaction");
	}

	/** PostgreSQL's plan_cache_mode in the current transaction; on H2, which has no such setting, null. */
	private String planCacheMode() {
		return TestDatabase.postgres() ? this.jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class)
				: null;
	}

}
