package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Two nodes and one webhook whose attempt outlives its lease: node A posts it and its receiver
 * takes longer than the lease; node B claims it again and posts it; then A's receiver answers. B's
 * outcome stands, whichever the two answers (as {@code EmailLeaseTest} for emails): A's late
 * answer is written over nothing, and its attempt is not counted. A slow attempt that no one
 * claimed again is written as any other.
 */
@PortalTest
class WebhookLeaseTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookProperties properties;

	@Autowired
	WebhookUrls urls;

	@Autowired
	MutableClock clock;

	final ExecutorService receiverThreads = Executors.newFixedThreadPool(2);

	/** The answers the receiver gave, in order: A's is given last, after B's. */
	final List<String> answered = Collections.synchronizedList(new ArrayList<>());

	HttpServer receiver;

	WebhookDelivery nodeA;

	WebhookDelivery nodeB;

	long webhook;

	/** The first request is A's: B posts only while the receiver holds it. */
	final AtomicBoolean aPosted = new AtomicBoolean();

	/** What node B's pass returned, asked while the receiver still held A's request. */
	volatile int attemptedByB = -1;

	@BeforeEach
	void twoNodesAndAReceiver() throws Exception {
		this.demo.jdbc().update("delete from webhook_delivery");
		this.demo.jdbc().update("delete from webhook_endpoint");
		this.nodeA = new WebhookDelivery(this.demo.jdbc(), this.endpoints, this.properties, this.urls, this.clock);
		this.nodeB = new WebhookDelivery(this.demo.jdbc(), this.endpoints, this.properties, this.urls, this.clock);
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(this.receiverThreads);
		this.receiver.start();
		this.webhook = pendingWebhook();
	}

	@AfterEach
	void stop() throws Exception {
		this.receiver.stop(0);
		this.receiverThreads.shutdownNow();
		this.nodeA.destroy();
		this.nodeB.destroy();
		this.clock.reset();
	}

	@Test
	void aLateErrorDoesNotUndoTheDeliveryOfTheNextAttempt() {
		receiverAnswers(500, 204);

		assertThat(this.nodeA.send(List.of(this.webhook))).isEqualTo(1);

		assertThat(this.attemptedByB).as("B claimed and posted the webhook").isEqualTo(1);
		assertThat(this.answered).containsExactly("B: 204", "A: 500");
		assertThat(delivery()).isEqualTo(new Delivery("DELIVERED", 204, null, 1));
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.nodeB.sendDue()).as("nothing is due again").isZero();
		assertThat(this.answered).hasSize(2);
	}

	@Test
	void aLateSuccessDoesNotUndoTheRetryOfTheNextAttempt() {
		receiverAnswers(204, 500);

		assertThat(this.nodeA.send(List.of(this.webhook))).isEqualTo(1);

		assertThat(this.attemptedByB).as("B claimed and posted the webhook").isEqualTo(1);
		assertThat(this.answered).containsExactly("B: 500", "A: 204");
		assertThat(delivery()).isEqualTo(new Delivery("PENDING", 500, "HTTP 500", 1));
	}

	@Test
	void aSlowAttemptNoOneClaimedAgainIsWritten() {
		this.receiver.createContext("/hooks", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.clock.advance(this.properties.lease().plusMinutes(1));
			this.answered.add("A: 204");
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});

		assertThat(this.nodeA.send(List.of(this.webhook))).isEqualTo(1);

		assertThat(this.answered).containsExactly("A: 204");
		assertThat(delivery()).isEqualTo(new Delivery("DELIVERED", 204, null, 1));
	}

	@Test
	void aLeaseShorterThanTwiceTheTimeoutIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookProperties(null, null, null, null, Duration.ofSeconds(40), null, false, false))
			.withMessage("billing.webhooks.lease (PT1M) must be at least twice billing.webhooks.timeout (PT40S)");
	}

	/**
	 * The receiver answers A's request only after the lease has run out and node B has tried the
	 * webhook (B's request is answered at once, on the receiver's second thread).
	 */
	private void receiverAnswers(int toA, int toB) {
		this.receiver.createContext("/hooks", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			if (this.aPosted.compareAndSet(false, true)) {
				this.clock.advance(this.properties.lease().plusMinutes(1));
				this.attemptedByB = this.nodeB.send(List.of(this.webhook));
				this.answered.add("A: " + toA);
				exchange.sendResponseHeaders(toA, -1);
			}
			else {
				this.answered.add("B: " + toB);
				exchange.sendResponseHeaders(toB, -1);
			}
			exchange.close();
		});
	}

	private Delivery delivery() {
		return this.demo.jdbc()
			.queryForObject("select status, last_status_code, last_error, attempts from webhook_delivery where id = ?",
					(rs, n) -> new Delivery(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3),
							rs.getInt(4)),
					this.webhook);
	}

	/** What the delivery log shows of the webhook. */
	record Delivery(String status, Integer lastStatusCode, String lastError, int attempts) {
	}

	/** A webhook to the receiver, written as the outbox writes one, due a second ago. */
	private long pendingWebhook() throws Exception {
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
		WebhookTest.registerEndpoint(this.mvc, url);
		long endpointId = this.demo.jdbc().queryForObject("select id from webhook_endpoint", Long.class);
		String event = UUID.randomUUID().toString();
		Timestamp dueSince = Timestamp.from(this.clock.instant().minusSeconds(1));
		this.demo.jdbc().update("""
				insert into webhook_delivery (endpoint, event_id, event_type, billing_account_id, invoice_number,
				  payload, status, attempts, next_attempt_at, created_at)
				values (?, ?, 'invoice.paid', ?, 'LEASE-1', '{}', 'PENDING', 0, ?, ?)""", "api:" + endpointId, event,
				this.demo.contoso(), dueSince, dueSince);
		return this.demo.jdbc().queryForObject("select id from webhook_delivery where event_id = ?", Long.class, event);
	}

}
