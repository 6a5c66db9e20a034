package com.billingportal.invoice;

import java.sql.Date;
import java.time.LocalDate;

import com.billingportal.support.PortalTest;
import com.billingportal.support.QueryPlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcement pass (every five minutes on every node) finds the invoices still to announce
 * through the indexes of V21, not by reading every invoice: before them H2 read all 100,011 rows of
 * the benchmark's database for each of its two questions. What it announces is tested by
 * {@code EmailsTest} and, across nodes, {@code EmailNodesIT}.
 */
@PortalTest
class AnnouncementPlanTest {

	/**
	 * Either index of V21: on H2 each question takes its own; PostgreSQL's planner, on a test's few
	 * invoices, may answer either through the other, which serves it as a range of Due invoices.
	 */
	private static final String ANNOUNCEMENT_INDEX = "ix_invoice_unannounced_";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void dueInvoicesNotYetAnnouncedAsIssuedAreFoundThroughTheirIndex() {
		assertThat(QueryPlans.explain(this.jdbc, this.transactions,
				InvoiceRepository.UNANNOUNCED_ISSUED.replace(":batch", "200")))
			.contains(ANNOUNCEMENT_INDEX);
	}

	@Test
	void pastDueInvoicesNotYetAnnouncedAreFoundThroughTheirIndex() {
		assertThat(QueryPlans.explain(this.jdbc, this.transactions,
				InvoiceRepository.UNANNOUNCED_PAST_DUE.replace(":batch", "200"), Date.valueOf(LocalDate.now())))
			.contains(ANNOUNCEMENT_INDEX);
	}

}
