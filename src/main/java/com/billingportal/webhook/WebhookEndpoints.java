package com.billingportal.webhook;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.billingportal.api.ApiClient;
import com.billingportal.portal.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where webhooks go: the endpoints of the configuration (every account's events) and those an API
 * client registered (the events of the accounts the client reaches, {@code api_account}).
 */
@Service
public class WebhookEndpoints {

	private final SecureRandom random = new SecureRandom();

	private final WebhookProperties properties;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final WebhookUrls urls;

	WebhookEndpoints(WebhookProperties properties, JdbcTemplate jdbc, Clock clock, WebhookUrls urls) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
		this.urls = urls;
	}

	/** Every endpoint that receives the events of the account. */
	List<Target> targetsFor(long accountId) {
		List<Target> targets = new ArrayList<>();
		this.properties.endpoints()
			.forEach((name, endpoint) -> targets.add(new Target("config:" + name, endpoint.url(), endpoint.secret())));
		targets.addAll(this.jdbc.query("""
				select e.id, e.url, e.secret from webhook_endpoint e join api_account a on a.client = e.client
				where a.billing_account_id = ? and e.disabled_at is null order by e.id""",
				(rs, n) -> new Target("api:" + rs.getLong(1), rs.getString(2), rs.getString(3)), accountId));
		return targets;
	}

	/** The endpoint a delivery was written for; empty once it is gone (removed or no longer configured). */
	Optional<Target> target(String key) {
		if (key.startsWith("config:")) {
			var endpoint = this.properties.endpoints().get(key.substring("config:".length()));
			return Optional.ofNullable(endpoint).map((e) -> new Target(key, e.url(), e.secret()));
		}
		return this.jdbc.query("select url, secret from webhook_endpoint where id = ? and disabled_at is null",
				(rs, n) -> new Target(key, rs.getString(1), rs.getString(2)), Long.valueOf(key.substring(4)))
			.stream()
			.findFirst();
	}

	/**
	 * Registers an endpoint of the client; the answer holds its signing secret, shown this once. A URL
	 * that may not receive webhooks ({@link WebhookUrls}) is refused ({@link UrlRefused}).
	 */
	@Transactional
	public Registered register(ApiClient client, String url) {
		this.urls.refusal(url).ifPresent((reason) -> {
			throw new UrlRefused(reason);
		});
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.update("insert into webhook_endpoint (client, url, secret, created_at) values (?, ?, ?, ?)",
				client.name(), url, secret, Timestamp.from(this.clock.instant()));
		long id = this.jdbc.queryForObject("select max(id) from webhook_endpoint where client = ? and secret = ?",
				Long.class, client.name(), secret);
		return new Registered(id, url, secret);
	}

	/** Stops sending to the client's endpoint; its undelivered webhooks are given up. */
	@Transactional
	public void remove(ApiClient client, long id) {
		int removed = this.jdbc.update(
				"update webhook_endpoint set disabled_at = ? where id = ? and client = ? and disabled_at is null",
				Timestamp.from(this.clock.instant()), id, client.name());
		if (removed == 0) {
			throw new NotFoundException("Webhook endpoint");
		}
	}

	/** The client's endpoints that receive webhooks. */
	public List<Registered> endpointsOf(ApiClient client) {
		return this.jdbc.query(
				"select id, url from webhook_endpoint where client = ? and disabled_at is null order by id",
				(rs, n) -> new Registered(rs.getLong(1), rs.getString(2), null), client.name());
	}

	/** A page of the delivery log of the client's endpoints, newest first. */
	public List<DeliveryLine> deliveriesOf(ApiClient client, int page, int size) {
		return this.jdbc.query("select " + LINE + """
				from webhook_delivery d join webhook_endpoint e on d.endpoint = concat('api:', cast(e.id as varchar(20)))
				where e.client = ? order by d.id desc offset ? rows fetch first ? rows only""", WebhookEndpoints::line,
				client.name(), (long) page * size, size);
	}

	/**
	 * A page of the whole delivery log, newest first, optionally of one status: for operators (the
	 * management port's {@code /actuator/webhooks}). Neither a secret nor a body is read.
	 */
	public DeliveryLog deliveryLog(int page, int size, String status) {
		String where = (status != null) ? " where d.status = ?" : "";
		Object[] filter = (status != null) ? new Object[] { status } : new Object[0];
		long total = this.jdbc.queryForObject("select count(*) from webhook_delivery d" + where, Long.class, filter);
		List<Object> arguments = new ArrayList<>(List.of(filter));
		arguments.add((long) page * size);
		arguments.add(size);
		List<DeliveryLine> lines = this.jdbc.query("select " + LINE + " from webhook_delivery d" + where
				+ " order by d.id desc offset ? rows fetch first ? rows only", WebhookEndpoints::line, arguments.toArray());
		return new DeliveryLog(page, size, total, lines);
	}

	private static final String LINE = """
			d.id, d.endpoint, d.event_id, d.event_type, d.invoice_number, d.status, d.attempts,
			d.last_status_code, d.last_error, d.next_attempt_at, d.created_at, d.delivered_at
			""";

	private static DeliveryLine line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		boolean waits = "PENDING".equals(rs.getString(6)) || "SENDING".equals(rs.getString(6));
		return new DeliveryLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getInt(7), (Integer) rs.getObject(8), rs.getString(9),
				waits ? rs.getTimestamp(10).toInstant() : null, rs.getTimestamp(11).toInstant(),
				(rs.getTimestamp(12) != null) ? rs.getTimestamp(12).toInstant() : null);
	}

	/** An endpoint: its key in the delivery log ({@code config:NAME} or {@code api:ID}), URL and secret. */
	record Target(String key, String url, String secret) {

		@Override
		public String toString() {
			return "Target[" + this.key + " " + this.url + "]";
		}

	}

	/** A URL that may not receive webhooks, and why. */
	public static class UrlRefused extends RuntimeException {

		UrlRefused(String reason) {
			super(reason);
		}

	}

	/** A registered endpoint; {@code secret} only in the answer to registering it. */
	public record Registered(long id, String url, String secret) {
	}

	/** A page of the whole delivery log: {@code total} lines in all. */
	public record DeliveryLog(int page, int size, long total, List<DeliveryLine> deliveries) {
	}

	/** One line of the delivery log; {@code nextAttemptAt} only while the webhook waits for one. */
	public record DeliveryLine(long id, String endpoint, String eventId, String type, String invoice, String status,
			int attempts, Integer lastStatusCode, String lastError, java.time.Instant nextAttemptAt,
			java.time.Instant createdAt, java.time.Instant deliveredAt) {
	}

}
