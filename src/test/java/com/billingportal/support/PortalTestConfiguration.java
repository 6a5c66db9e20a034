package com.billingportal.support;

import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceTotals;
import com.billingportal.payment.gateway.SandboxGateway;
import com.billingportal.user.UserService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

/** What {@link PortalTest} adds to the application: the demo data helper, a movable clock, a gateway that can fail. */
@TestConfiguration(proxyBeanMethods = false)
class PortalTestConfiguration {

	@Bean
	DemoData demoData(JdbcTemplate jdbc, UserService users, BillingAccountService accounts, InvoiceTotals totals) {
		return new DemoData(jdbc, users, accounts, totals);
	}

	/**
	 * Event listeners (the emails) run at once on the publishing thread, right after its commit, so
	 * that a test sees their work when its request returns. In production they run on other threads,
	 * as they do in a test that sets {@code billing.test.events=async}.
	 */
	@Bean
	@ConditionalOnProperty(name = "billing.test.events", havingValue = "sync", matchIfMissing = true)
	TaskExecutor taskExecutor() {
		return new SyncTaskExecutor();
	}

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	@Bean
	@Primary
	FaultyGateway faultyGateway(SandboxGateway sandbox) {
		return new FaultyGateway(sandbox);
	}

	/** The SQL statements a request sends, Hibernate's and plain JDBC's ({@link SqlStatements}). */
	@Bean
	static SqlStatements sqlStatements() {
		return new SqlStatements();
	}

}
