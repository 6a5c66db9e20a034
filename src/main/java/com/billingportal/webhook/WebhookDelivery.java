package com.billingportal.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends written webhooks, outside any transaction. Each attempt is claimed by one node (a
 * conditional update, held for {@code billing.webhooks.lease}), and only while no earlier webhook
 * of the same invoice to the same endpoint waits: a receiver gets one invoice's events in order. A
 * 2xx answer delivers it; anything else (an error status, no answer within
 * {@code billing.webhooks.timeout}) schedules the next attempt after a doubling wait, until
 * {@code billing.webhooks.give-up-after} from the event (three days), then FAILED.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final JdbcTemplate jdbc;

	private final WebhookEndpoints endpoints;

	private final WebhookProperties properties;

	private final HttpClient http;

	private final Clock clock;

	WebhookDelivery(JdbcTemplate jdbc, WebhookEndpoints endpoints, WebhookProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Scheduled(fixedDelayString = "${billing.webhooks.retry-interval:15s}",
			initialDelayString = "${billing.webhooks.retry-initial-delay:30s}")
	public void retryScheduled() {
		sendDue();
	}

	/** Sends every webhook whose attempt is due, oldest first; returns how many were attempted. */
	public int sendDue() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Long> due = this.jdbc.queryForList("""
				select id from webhook_delivery
				where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and lease_until < ?)
				order by id fetch first 200 rows only""", Long.class, now, now);
		return send(due);
	}

	/** Attempts these webhooks now (those due and not blocked by an earlier one of their invoice). */
	int send(List<Long> ids) {
		int attempted = 0;
		for (Long id : ids) {
			attempted += attempt(id) ? 1 : 0;
		}
		return attempted;
	}

	private boolean attempt(long id) {
		Instant now = this.clock.instant();
		int claimed = this.jdbc.update("""
				update webhook_delivery set status = 'SENDING', lease_until = ?
				where id = ? and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and lease_until < ?))
				  and not exists (select 1 from webhook_delivery e where e.endpoint = webhook_delivery.endpoint
				    and e.invoice_number = webhook_delivery.invoice_number and e.id < webhook_delivery.id
				    and e.status in ('PENDING', 'SENDING'))""", Timestamp.from(now.plus(this.properties.lease())), id,
				Timestamp.from(now), Timestamp.from(now));
		if (claimed == 0) {
			return false;
		}
		var row = this.jdbc.queryForMap("select endpoint, event_id, event_type, payload, attempts, created_at "
				+ "from webhook_delivery where id = ?", id);
		var target = this.endpoints.target((String) row.get("endpoint"));
		if (target.isEmpty()) {
			finish(id, "FAILED", null, "endpoint removed", now);
			return true;
		}
		Outcome outcome = post(target.get(), (String) row.get("event_id"), (String) row.get("event_type"),
				(String) row.get("payload"));
		if (outcome.status() >= 200 && outcome.status() < 300) {
			finish(id, "DELIVERED", outcome.status(), null, now);
		}
		else {
			retryLater(id, ((Number) row.get("attempts")).intValue() + 1, outcome,
					instant(row.get("created_at")));
		}
		return true;
	}

	private Outcome post(WebhookEndpoints.Target target, String eventId, String type, String body) {
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "BillingPortal-Webhooks/1")
				.header("Billing-Event-Id", eventId)
				.header("Billing-Event-Type", type)
				.header(WebhookSignature.HEADER, WebhookSignature.header(target.secret(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			return new Outcome(this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(0, "interrupted");
		}
		catch (Exception ex) {
			log.info("Webhook {} to {}: {}", eventId, target.key(), ex.getClass().getSimpleName());
			return new Outcome(0, ex.getClass().getSimpleName());
		}
	}

	private void retryLater(long id, int attempts, Outcome outcome, Instant createdAt) {
		Instant next = this.clock.instant().plus(this.properties.backoff(attempts));
		boolean giveUp = next.isAfter(createdAt.plus(this.properties.giveUpAfter()));
		String error = (outcome.error() != null) ? outcome.error() : "HTTP " + outcome.status();
		this.jdbc.update("""
				update webhook_delivery set status = ?, attempts = ?, last_status_code = ?, last_error = ?,
				  next_attempt_at = ?, lease_until = null where id = ?""", giveUp ? "FAILED" : "PENDING", attempts,
				(outcome.status() > 0) ? outcome.status() : null, error, Timestamp.from(next), id);
	}

	private void finish(long id, String status, Integer code, String error, Instant now) {
		this.jdbc.update("""
				update webhook_delivery set status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?,
				  lease_until = null, delivered_at = ? where id = ?""", status, code, error,
				"DELIVERED".equals(status) ? Timestamp.from(now) : null, id);
	}

	/** A timestamp as the driver reads it (H2: OffsetDateTime, PostgreSQL: Timestamp). */
	private static Instant instant(Object value) {
		return (value instanceof java.time.OffsetDateTime odt) ? odt.toInstant() : ((Timestamp) value).toInstant();
	}

	private record Outcome(int status, String error) {
	}

}
