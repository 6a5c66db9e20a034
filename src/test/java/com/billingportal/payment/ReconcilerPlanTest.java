package com.billingportal.payment;

import java.sql.Timestamp;
import java.time.Instant;

import com.billingportal.support.PortalTest;
import com.billingportal.support.QueryPlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler's pass (every minute on every node) finds the payments and refunds whose outcome
 * it must ask the gateway for through the status indexes, not by reading the tables, which keep
 * every payment and refund ever made. As one query with an {@code or} each, H2 read every payment
 * (87,461 rows in the benchmark's database after its pay flows). What it finds is tested by
 * {@code GatewayTimeoutTest}, {@code PaymentFaultTest} and {@code RefundReconciliationTest}.
 */
@PortalTest
class ReconcilerPlanTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void paymentsWithoutAnOutcomeAreFoundThroughTheStatusIndex() {
		assertThat(QueryPlans.explain(this.jdbc, this.transactions, PaymentRepository.UNKNOWN_OUTCOME))
			.contains("ix_payment_status");
		assertThat(QueryPlans.explain(this.jdbc, this.transactions, PaymentRepository.PENDING_SINCE, now()))
			.contains("ix_payment_status");
	}

	@Test
	void refundsWithoutAnOutcomeAreFoundThroughTheStatusIndex() {
		assertThat(QueryPlans.explain(this.jdbc, this.transactions, RefundRepository.UNKNOWN_OUTCOME))
			.contains("ix_refund_status");
		assertThat(QueryPlans.explain(this.jdbc, this.transactions, RefundRepository.PENDING_SINCE, now()))
			.contains("ix_refund_status");
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
