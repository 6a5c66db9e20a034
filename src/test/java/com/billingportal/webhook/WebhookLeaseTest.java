package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two nodes and one webhook whose attempt outlives its lease: node A posts it and its receiver
 * takes longer than the lease; node B claims it again and delivers it; then A's receiver answers
 * an error. B's outcome stands: the webhook stays Delivered, and no one posts it a third time
 * (as {@code EmailLeaseTest} for emails).
 */
@PortalTest
class WebhookLeaseTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookProperties properties;

	@Autowired
	WebhookUrls urls;

	@Autowired
	MutableClock clock;

	final ExecutorService receiverThreads = Executors.newFixedThreadPool(2);

	final List<String> answered = Collections.synchronizedList(new ArrayList<>());

	HttpServer receiver;

	WebhookDelivery nodeA;

	WebhookDelivery nodeB;

	@BeforeEach
	void twoNodesAndAReceiver() throws Exception {
		this.jdbc.update("delete from webhook_delivery");
		this.jdbc.update("delete from webhook_endpoint");
		this.nodeA = new WebhookDelivery(this.jdbc, this.endpoints, this.properties, this.urls, this.clock);
		this.nodeB = new WebhookDelivery(this.jdbc, this.endpoints, this.properties, this.urls, this.clock);
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(this.receiverThreads);
		long id = pendingWebhook();
		this.receiver.createContext("/hooks", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			if (this.answered.isEmpty()) {
				// A's receiver is slow: the lease runs out, node B tries the webhook and delivers it...
				this.answered.add("A: 500");
				this.clock.advance(this.properties.lease().plusMinutes(1));
				assertThat(this.nodeB.send(List.of(id))).isEqualTo(1);
				// ...then A's receiver answers an error.
				exchange.sendResponseHeaders(500, -1);
			}
			else {
				this.answered.add("B: 204");
				exchange.sendResponseHeaders(204, -1);
			}
			exchange.close();
		});
		this.receiver.start();
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
	void anAttemptThatOutlivedItsLeaseDoesNotOverwriteTheNextOne() {
		long id = this.jdbc.queryForObject("select id from webhook_delivery", Long.class);

		assertThat(this.nodeA.send(List.of(id))).isEqualTo(1);

		assertThat(this.answered).containsExactly("A: 500", "B: 204");
		assertThat(this.jdbc.queryForObject("select status from webhook_delivery where id = ?", String.class, id))
			.isEqualTo("DELIVERED");
		assertThat(this.jdbc.queryForObject("select attempts from webhook_delivery where id = ?", Integer.class, id))
			.isEqualTo(1);
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.nodeB.sendDue()).as("nothing is due again").isZero();
		assertThat(this.answered).hasSize(2);
	}

	/** A webhook to the receiver, written as the outbox writes one, due now. */
	private long pendingWebhook() throws Exception {
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
		this.mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + WebhookTest.DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url + "\"}")).andExpect(status().isCreated());
		long endpointId = this.jdbc.queryForObject("select id from webhook_endpoint", Long.class);
		String event = UUID.randomUUID().toString();
		java.sql.Timestamp now = java.sql.Timestamp.from(this.clock.instant().minusSeconds(1));
		this.jdbc.update("""
				insert into webhook_delivery (endpoint, event_id, event_type, billing_account_id, invoice_number,
				  payload, status, attempts, next_attempt_at, created_at)
				values (?, ?, 'invoice.paid', ?, 'LEASE-1', '{}', 'PENDING', 0, ?, ?)""", "api:" + endpointId, event,
				this.demo.contoso(), now, now);
		return this.jdbc.queryForObject("select id from webhook_delivery where event_id = ?", Long.class, event);
	}

}
