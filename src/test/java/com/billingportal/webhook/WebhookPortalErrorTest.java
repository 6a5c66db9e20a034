package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

/**
 * An attempt that fails in the portal itself, here a delivery whose endpoint key cannot be read
 * (finding the endpoint throws), counts as a failed attempt: it waits for its next attempt and is
 * given up in time, and the pass goes on to the next webhook. Before, the exception left it Sending,
 * to be claimed again whenever its lease ran out, never counted nor given up, and ended the pass.
 */
@PortalTest
class WebhookPortalErrorTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	WebhookProperties properties;

	@Autowired
	MutableClock clock;

	HttpServer receiver;

	String endpoint;

	@BeforeEach
	void aReceiver() throws Exception {
		this.demo.jdbc().update("delete from webhook_delivery");
		this.demo.jdbc().update("delete from webhook_endpoint");
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
		WebhookTest.registerEndpoint(this.mvc, url);
		this.endpoint = "api:" + this.demo.jdbc().queryForObject("select id from webhook_endpoint", Long.class);
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
		this.clock.reset();
	}

	@Test
	void aFailureInThePortalIsAFailedAttemptAndThePassGoesOn() {
		Instant now = this.clock.instant();
		long broken = pendingWebhook("api:not-a-number", "ERR-1", now.minusSeconds(1));
		long fine = pendingWebhook(this.endpoint, "ERR-2", now.minusSeconds(1));

		assertThat(this.delivery.send(List.of(broken, fine))).isEqualTo(2);
		Instant after = this.clock.instant();

		assertThat(row(broken)).isEqualTo(new Row("PENDING", "portal error: NumberFormatException", 1));
		Duration wait = this.properties.backoff(1);
		assertThat(nextAttempt(broken)).as("the first retry's wait").isBetween(now.plus(wait).minusMillis(1),
				after.plus(wait).plusMillis(1));
		assertThat(row(fine)).isEqualTo(new Row("DELIVERED", null, 1));
	}

	@Test
	void aWebhookThatKeepsFailingInThePortalIsGivenUpInTime() {
		Instant now = this.clock.instant();
		long broken = pendingWebhook("api:not-a-number", "ERR-3", now.minus(this.properties.giveUpAfter()));

		assertThat(this.delivery.send(List.of(broken))).isEqualTo(1);

		assertThat(row(broken)).isEqualTo(new Row("FAILED", "portal error: NumberFormatException", 1));
		this.clock.advance(this.properties.lease().plus(Duration.ofMinutes(1)));
		assertThat(this.delivery.sendDue()).as("not claimed again").isZero();
	}

	private Row row(long id) {
		return this.demo.jdbc()
			.queryForObject("select status, last_error, attempts from webhook_delivery where id = ?",
					(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3)), id);
	}

	private Instant nextAttempt(long id) {
		return this.demo.jdbc()
			.queryForObject("select next_attempt_at from webhook_delivery where id = ?", Timestamp.class, id)
			.toInstant();
	}

	/** What the delivery log shows of a webhook. */
	record Row(String status, String lastError, int attempts) {
	}

	/** A webhook to an endpoint, written as the outbox writes one, created and due at a time. */
	private long pendingWebhook(String endpoint, String invoiceNumber, Instant createdAt) {
		String event = UUID.randomUUID().toString();
		this.demo.jdbc().update("""
				insert into webhook_delivery (endpoint, event_id, event_type, billing_account_id, invoice_number,
				  payload, status, attempts, next_attempt_at, created_at)
				values (?, ?, 'invoice.paid', ?, ?, '{}', 'PENDING', 0, ?, ?)""", endpoint, event, this.demo.contoso(),
				invoiceNumber, Timestamp.from(createdAt), Timestamp.from(createdAt));
		return this.demo.jdbc().queryForObject("select id from webhook_delivery where event_id = ?", Long.class, event);
	}

}
