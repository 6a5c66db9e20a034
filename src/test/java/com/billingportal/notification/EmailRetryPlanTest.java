package com.billingportal.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.billingportal.support.PortalTest;
import com.billingportal.support.QueryPlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry pass (every 30 seconds on every node) finds the due emails through the index on
 * (status, next_attempt_at), not by reading the table: each email row holds its whole MIME text
 * (some 45 KB for a receipt with its PDF), and the table keeps every email ever sent. As one query
 * with an {@code or}, H2 read every row (18,690 emails, 840 MB of MIME text, in the benchmark's
 * database after its pay flows). On PostgreSQL, whose planner reads a small test table whole
 * anyway, the plan is asked for with sequential scans switched off: the index must serve it.
 */
@PortalTest
class EmailRetryPlanTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EmailMessageRepository emails;

	@Test
	void pendingEmailsWhoseTimeHasComeAreFoundThroughTheIndex() {
		assertThat(plan(EmailMessageRepository.PENDING_DUE)).contains("ix_email_message_due");
	}

	@Test
	void sendingEmailsWhoseLeaseRanOutAreFoundThroughTheIndex() {
		assertThat(plan(EmailMessageRepository.LEASE_EXPIRED)).contains("ix_email_message_due");
	}

	@Test
	void theRetryPassTakesTheDueOnesOldestFirstUpToTheBatch() {
		Instant now = Instant.parse("2030-01-01T12:00:00Z");
		long heldSending = email("SENDING", now.minusSeconds(600), now.plusSeconds(60));
		long duePending = email("PENDING", now.minusSeconds(1), null);
		long laterPending = email("PENDING", now.plusSeconds(60), null);
		long expiredSending = email("SENDING", now.minusSeconds(600), now.minusSeconds(1));
		long sent = email("SENT", now.minusSeconds(600), null);
		long secondDuePending = email("PENDING", now, null);
		assertThat(this.emails.findDue(now, 10)).containsExactly(duePending, expiredSending, secondDuePending)
			.doesNotContain(heldSending, laterPending, sent);
		assertThat(this.emails.findDue(now, 2)).containsExactly(duePending, expiredSending);
	}

	/** An email row of its own (the demo account's), in the given state. */
	private long email(String status, Instant nextAttemptAt, Instant leaseUntil) {
		String event = UUID.randomUUID().toString();
		this.jdbc.update("insert into email_message (billing_account_id, event_id, kind, about, recipient, language,"
				+ " subject, message_id, mime, status, attempts, next_attempt_at, lease_until, created_at)"
				+ " values (1, ?, 'PAYMENT_RECEIPT', 'test', 'retry@example.com', 'en', 'Subject', ?, 'MIME', ?, 0, ?, ?, ?)",
				event, "<" + event + "@test>", status, Timestamp.from(nextAttemptAt),
				(leaseUntil != null) ? Timestamp.from(leaseUntil) : null, Timestamp.from(nextAttemptAt));
		return this.jdbc.queryForObject("select id from email_message where event_id = ?", Long.class, event);
	}

	private String plan(String query) {
		// :batch is a row count; the timestamp binds :now.
		return QueryPlans.explain(this.jdbc, this.transactions, query.replace(":batch", "100"),
				Timestamp.from(Instant.now()));
	}

}
