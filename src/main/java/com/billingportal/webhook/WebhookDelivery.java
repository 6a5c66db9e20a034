package com.billingportal.webhook;

import java.io.IOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * {@code billing.webhooks.give-up-after} from the event (three days), then FAILED. An attempt's
 * end is written only if no other node has claimed the webhook since (an attempt slower than the
 * lease may be); then that node's outcome stands, as in {@code EmailDelivery}. An attempt that
 * fails in the portal itself counts as a failed attempt and does not stop the rest of the pass. The
 * client follows no redirect, and connects only to addresses {@link WebhookUrls} allows (checked on
 * each connection, so a name that now resolves to a private address is refused).
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookDelivery implements DisposableBean {

	/** Webhooks attempted per pass at most. */
	static final int BATCH = 200;

	/**
	 * Pending webhooks whose time has come, oldest first: a range of {@code ix_webhook_delivery_due}.
	 * With the next as one query with an {@code or}, H2 would read every delivery ever made on each
	 * pass, every 15 s on every node ({@code WebhookRetryPlanTest}).
	 */
	static final String PENDING_DUE = "select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"
			+ " order by id fetch first " + BATCH + " rows only";

	/** Webhooks being sent whose node's lease ran out, oldest first: the same index's range of status Sending. */
	static final String LEASE_EXPIRED = "select id from webhook_delivery where status = 'SENDING' and lease_until < ?"
			+ " order by id fetch first " + BATCH + " rows only";

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	/** Cancels an attempt still running at {@code billing.webhooks.timeout}. */
	private static final ScheduledExecutorService CUT_OFF = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-cut-off");
		thread.setDaemon(true);
		return thread;
	});

	private final JdbcTemplate jdbc;

	private final WebhookEndpoints endpoints;

	private final WebhookProperties properties;

	private final CloseableHttpClient http;

	private final Clock clock;

	WebhookDelivery(JdbcTemplate jdbc, WebhookEndpoints endpoints, WebhookProperties properties, WebhookUrls urls,
			Clock clock) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.properties = properties;
		this.clock = clock;
		this.http = client(properties.timeout(), urls);
	}

	/** No redirects, no retries of its own, no cookies, no proxy; names resolved by {@link WebhookUrls#resolver()}. */
	private static CloseableHttpClient client(Duration timeout, WebhookUrls urls) {
		Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(urls.resolver())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setConnectionRequestTimeout(limit)
				.setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("BillingPortal-Webhooks/1")
			.build();
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

	@Scheduled(fixedDelayString = "${billing.webhooks.retry-interval:15s}",
			initialDelayString = "${billing.webhooks.retry-initial-delay:30s}")
	public void retryScheduled() {
		sendDue();
	}

	/** Sends every webhook whose attempt is due, oldest first; returns how many were attempted. */
	public int sendDue() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Long> due = Stream
			.concat(this.jdbc.queryForList(PENDING_DUE, Long.class, now).stream(),
					this.jdbc.queryForList(LEASE_EXPIRED, Long.class, now).stream())
			.sorted()
			.limit(BATCH)
			.toList();
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
		// Millisecond precision survives every database, so the attempt finds its own lease by equality.
		Instant lease = now.plus(this.properties.lease()).truncatedTo(ChronoUnit.MILLIS);
		int claimed = this.jdbc.update("""
				update webhook_delivery set status = 'SENDING', lease_until = ?
				where id = ? and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and lease_until < ?))
				  and not exists (select 1 from webhook_delivery e where e.endpoint = webhook_delivery.endpoint
				    and e.invoice_number = webhook_delivery.invoice_number and e.id < webhook_delivery.id
				    and e.status in ('PENDING', 'SENDING'))""", Timestamp.from(lease), id,
				Timestamp.from(now), Timestamp.from(now));
		if (claimed == 0) {
			return false;
		}
		try {
			deliver(id, lease, now);
		}
		catch (RuntimeException | LinkageError ex) {
			log.error("Webhook delivery {}: the attempt failed in the portal", id, ex);
			retryAfterFailure(id, lease, ex);
		}
		return true;
	}

	private void deliver(long id, Instant lease, Instant now) {
		var row = this.jdbc.queryForMap("select endpoint, event_id, event_type, payload, attempts, created_at "
				+ "from webhook_delivery where id = ?", id);
		var target = this.endpoints.target((String) row.get("endpoint"));
		if (target.isEmpty()) {
			finish(id, lease, "FAILED", null, "endpoint removed", now);
			return;
		}
		Outcome outcome = post(target.get(), (String) row.get("event_id"), (String) row.get("event_type"),
				(String) row.get("payload"));
		if (outcome.status() >= 200 && outcome.status() < 300) {
			finish(id, lease, "DELIVERED", outcome.status(), null, now);
		}
		else {
			retryLater(id, lease, ((Number) row.get("attempts")).intValue() + 1, outcome,
					instant(row.get("created_at")));
		}
	}

	/**
	 * An attempt that failed in the portal (reading its row, finding its endpoint, writing its end)
	 * counts as a failed attempt: it is retried after the usual wait and given up at the usual time,
	 * as a receiver's error is. Left Sending, it was claimed again each time its lease ran out, never
	 * counted and never given up, and it held back the later webhooks of its invoice and endpoint. If
	 * even this cannot be written (the database is unreachable), the lease's end brings it back. A
	 * 2xx whose end could not be written is sent again: webhooks are at least once.
	 */
	private void retryAfterFailure(long id, Instant lease, Throwable failure) {
		String kind = failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName()
				: failure.getClass().getSimpleName();
		try {
			var row = this.jdbc.queryForMap("select attempts, created_at from webhook_delivery where id = ?", id);
			retryLater(id, lease, ((Number) row.get("attempts")).intValue() + 1, new Outcome(0, "portal error: " + kind),
					instant(row.get("created_at")));
		}
		catch (RuntimeException ex) {
			log.error("Webhook delivery {}: the failed attempt could not be recorded; it is tried again when its lease"
					+ " runs out", id, ex);
		}
	}

	private Outcome post(WebhookEndpoints.Target target, String eventId, String type, String body) {
		Optional<String> refused = WebhookUrls.formRefusal(target.url(), this.properties.allowHttp());
		if (refused.isPresent()) {
			return new Outcome(0, "URL refused: " + refused.get());
		}
		HttpPost request = request(target, eventId, type, body);
		// A receiver that trickles its answer is cut off at the timeout, as one that never answers.
		ScheduledFuture<?> deadline = CUT_OFF.schedule(request::cancel, this.properties.timeout().toMillis(),
				TimeUnit.MILLISECONDS);
		// The answer's body is never read: closing the response unread drops the connection.
		try (ClassicHttpResponse response = this.http.executeOpen(null, request, null)) {
			return new Outcome(response.getCode(), null);
		}
		catch (WebhookUrls.RefusedAddress ex) {
			log.warn("Webhook {} to {} not sent: {}", eventId, target.key(), ex.getMessage());
			return new Outcome(0, "address refused: " + ex.getMessage());
		}
		catch (Exception ex) {
			log.info("Webhook {} to {}: {}", eventId, target.key(), ex.getClass().getSimpleName());
			return new Outcome(0, ex.getClass().getSimpleName());
		}
		finally {
			deadline.cancel(false);
		}
	}

	private HttpPost request(WebhookEndpoints.Target target, String eventId, String type, String body) {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpPost request = new HttpPost(URI.create(target.url()));
		request.setHeader("Billing-Event-Id", eventId);
		request.setHeader("Billing-Event-Type", type);
		request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(target.secret(), timestamp, body));
		request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		return request;
	}

	private void retryLater(long id, Instant lease, int attempts, Outcome outcome, Instant createdAt) {
		Instant next = this.clock.instant().plus(this.properties.backoff(attempts));
		boolean giveUp = next.isAfter(createdAt.plus(this.properties.giveUpAfter()));
		String error = (outcome.error() != null) ? outcome.error() : "HTTP " + outcome.status();
		int written = this.jdbc.update("""
				update webhook_delivery set status = ?, attempts = ?, last_status_code = ?, last_error = ?,
				  next_attempt_at = ?, lease_until = null where id = ? and status = 'SENDING' and lease_until = ?""",
				giveUp ? "FAILED" : "PENDING", attempts, (outcome.status() > 0) ? outcome.status() : null, error,
				Timestamp.from(next), id, Timestamp.from(lease));
		warnIfOvertaken(id, written);
	}

	private void finish(long id, Instant lease, String status, Integer code, String error, Instant now) {
		int written = this.jdbc.update("""
				update webhook_delivery set status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?,
				  lease_until = null, delivered_at = ? where id = ? and status = 'SENDING' and lease_until = ?""",
				status, code, error, "DELIVERED".equals(status) ? Timestamp.from(now) : null, id,
				Timestamp.from(lease));
		warnIfOvertaken(id, written);
	}

	/** Nothing written: another node claimed the webhook after this attempt's lease ran out. */
	private static void warnIfOvertaken(long id, int written) {
		if (written == 0) {
			log.warn("Webhook delivery {}: an attempt outlived its lease; the attempt that claimed it since decides",
					id);
		}
	}

	/** A timestamp as the driver reads it (H2: OffsetDateTime, PostgreSQL: Timestamp). */
	private static Instant instant(Object value) {
		return (value instanceof java.time.OffsetDateTime odt) ? odt.toInstant() : ((Timestamp) value).toInstant();
	}

	private record Outcome(int status, String error) {
	}

}
