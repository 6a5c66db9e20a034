package com.billingportal.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.billingportal.support.PortalTest;
import com.billingportal.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Test
	void pendingEmailsWhoseTimeHasComeAreFoundThroughTheIndex() {
		assertThat(plan(EmailMessageRepository.PENDING_DUE)).contains("ix_email_message_due");
	}

	@Test
	void sendingEmailsWhoseLeaseRanOutAreFoundThroughTheIndex() {
		assertThat(plan(EmailMessageRepository.LEASE_EXPIRED)).contains("ix_email_message_due");
	}

	private String plan(String query) {
		String sql = "explain " + query.replace(":now", "?").replace(":batch", "100");
		Timestamp now = Timestamp.from(Instant.now());
		return new TransactionTemplate(this.transactions).execute((tx) -> {
			if (TestDatabase.postgres()) {
				this.jdbc.execute("set local enable_seqscan = off");
			}
			List<String> lines = this.jdbc.queryForList(sql, String.class, now);
			return lines.stream().collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
		});
	}

}
