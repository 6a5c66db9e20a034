package com.billingportal.webhook;

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
 * The webhooks' retry pass (every 15 s on every node) finds due deliveries through
 * {@code ix_webhook_delivery_due}, not by reading the table, which keeps every delivery ever made.
 * What it sends is tested by the webhook delivery tests.
 */
@PortalTest
class WebhookRetryPlanTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void dueAndAbandonedDeliveriesAreFoundThroughTheIndex() {
		Timestamp now = Timestamp.from(Instant.now());
		assertThat(QueryPlans.explain(this.jdbc, this.transactions, WebhookDelivery.PENDING_DUE, now))
			.contains("ix_webhook_delivery_due");
		assertThat(QueryPlans.explain(this.jdbc, this.transactions, WebhookDelivery.LEASE_EXPIRED, now))
			.contains("ix_webhook_delivery_due");
	}

}
