package com.billingportal.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.billingportal.autopay.AutomaticPayments;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database run the automatic payment job at the same moment over the
 * same newly issued invoices of a profile with automatic payment on: each invoice is charged
 * exactly once (one Succeeded payment, one gateway charge), by one node or the other, never both
 * (the claim is a conditional update of the invoice's autopay row; the payment's locks back it).
 * Skipped without PostgreSQL unless {@code -Dit.required=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutopayNodesIT {

	static final int INVOICES = 40;

	TwoNodes nodes;

	PortalNode nodeA;

	PortalNode nodeB;

	DemoData fixtures;

	@BeforeAll
	void startTwoNodes() throws Exception {
		// The scheduled passes and announcements wait: the test starts both nodes' passes itself, at once.
		this.nodes = TwoNodes.start("--billing.autopay.initial-delay=1h", "--billing.notifications.announce-initial-delay=1h");
		this.nodeA = this.nodes.a;
		this.nodeB = this.nodes.b;
		this.fixtures = this.nodes.fixtures;
	}

	@AfterAll
	void stop() {
		if (this.nodes != null) {
			this.nodes.close();
		}
	}

	@Test
	void bothNodesRunningTheJobAtOnceChargeEachNewInvoiceExactlyOnce() throws Exception {
		JdbcTemplate jdbc = this.nodeA.bean(JdbcTemplate.class);
		// Only this test's invoices are due for an automatic attempt.
		jdbc.update("update autopay_invoice set outcome = 'CANCELLED', next_attempt_at = null");
		List<String> invoices = new ArrayList<>();
		for (int i = 0; i < INVOICES; i++) {
			String number = this.fixtures.newDueInvoice();
			assertThat(this.nodeA.bean(AutomaticPayments.class).enrol(this.fixtures.contoso(), number)).isTrue();
			invoices.add(number);
		}

		ExecutorService pool = Executors.newFixedThreadPool(2);
		int made = 0;
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (PortalNode node : List.of(this.nodeA, this.nodeB)) {
				AutomaticPayments job = node.bean(AutomaticPayments.class);
				runs.add(pool.submit(() -> {
					start.await();
					int mine = 0;
					// Two passes each: the second finds nothing left that the other node did not claim.
					for (int pass = 0; pass < 2; pass++) {
						mine += job.runDue();
					}
					return mine;
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				made += run.get(300, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(made).as("attempts made by the two nodes together").isEqualTo(INVOICES);
		for (String number : invoices) {
			assertThat(this.fixtures.invoiceStatus(number)).as(number).isEqualTo("PAID");
			assertThat(this.fixtures.payments(number, PaymentStatus.SUCCEEDED)).as(number).isEqualTo(1);
			assertThat(this.fixtures.gatewayCharges(number)).as(number).isEqualTo(1);
		}
		assertThat(jdbc.queryForObject("""
				select count(*) from autopay_invoice a join invoice i on i.id = a.invoice_id
				where i.invoice_number in (%s) and a.outcome = 'PAID' and a.attempts = 1"""
			.formatted(String.join(",", invoices.stream().map((n) -> "'" + n + "'").toList())), Integer.class))
			.isEqualTo(INVOICES);
	}

}
