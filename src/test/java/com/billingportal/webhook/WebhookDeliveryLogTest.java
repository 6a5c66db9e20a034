package com.billingportal.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' webhook delivery log: {@code /actuator/webhooks} on the management port (bound to
 * 127.0.0.1), newest first and paged, with status, attempts, last response code and next attempt,
 * never an endpoint's secret nor a webhook's body; the application's port does not serve it. Real
 * ports, as {@code ManagementPortTest} (the same context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebhookDeliveryLogTest {

	static final String SECRET = "whsec_operators_never_see_this_0001";

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void deliveries() {
		this.jdbc.update("delete from webhook_delivery");
		this.jdbc.update("delete from webhook_endpoint");
		this.jdbc.update("insert into webhook_endpoint (client, url, secret, created_at) values (?, ?, ?, ?)", "erp",
				"https://erp.example.com/hooks", SECRET, Timestamp.from(Instant.now()));
		long endpoint = this.jdbc.queryForObject("select max(id) from webhook_endpoint", Long.class);
		long account = this.jdbc.queryForObject("select min(id) from billing_account", Long.class);
		Instant now = Instant.parse("2026-12-05T10:00:00Z");
		insert("api:" + endpoint, "invoice.issued", account, "DELIVERED", 1, 200, null, now);
		insert("api:" + endpoint, "payment.succeeded", account, "FAILED", 12, 503, "HTTP 503", now.plusSeconds(60));
		insert("config:erp", "invoice.paid", account, "PENDING", 2, null, "address refused: loopback", now.plusSeconds(120));
	}

	@Test
	void operatorsReadTheDeliveryLogNewestFirstPagedWithoutSecretsOrBodies() throws Exception {
		HttpResponse<String> log = get(this.managementPort, "/actuator/webhooks");
		assertThat(log.statusCode()).isEqualTo(200);
		String body = log.body();
		assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(3);
		assertThat((List<String>) JsonPath.read(body, "$.deliveries[*].type"))
			.containsExactly("invoice.paid", "payment.succeeded", "invoice.issued");
		assertThat((List<String>) JsonPath.read(body, "$.deliveries[*].status"))
			.containsExactly("PENDING", "FAILED", "DELIVERED");
		assertThat((List<Integer>) JsonPath.read(body, "$.deliveries[*].attempts")).containsExactly(2, 12, 1);
		assertThat((Integer) JsonPath.read(body, "$.deliveries[1].lastStatusCode")).isEqualTo(503);
		assertThat((String) JsonPath.read(body, "$.deliveries[0].lastError")).isEqualTo("address refused: loopback");
		assertThat((String) JsonPath.read(body, "$.deliveries[0].nextAttemptAt")).isNotNull();
		assertThat((Object) JsonPath.read(body, "$.deliveries[2].nextAttemptAt")).isNull();
		assertThat(body).doesNotContain(SECRET).doesNotContain("whsec_").doesNotContain("BODY-OF-THE-WEBHOOK")
			.doesNotContain("v1=");

		String second = get(this.managementPort, "/actuator/webhooks?page=1&size=2").body();
		assertThat((List<String>) JsonPath.read(second, "$.deliveries[*].type")).containsExactly("invoice.issued");
		assertThat((Integer) JsonPath.read(second, "$.total")).isEqualTo(3);
		String failed = get(this.managementPort, "/actuator/webhooks?status=failed").body();
		assertThat((List<String>) JsonPath.read(failed, "$.deliveries[*].type")).containsExactly("payment.succeeded");
	}

	@Test
	void theApplicationsPortDoesNotServeIt() throws Exception {
		assertThat(get(this.port, "/actuator/webhooks").statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/actuator/webhooks").body()).doesNotContain("deliveries");
	}

	private void insert(String endpoint, String type, long account, String status, int attempts, Integer code,
			String error, Instant at) {
		this.jdbc.update("""
				insert into webhook_delivery (endpoint, event_id, event_type, billing_account_id, invoice_number, payload,
				  status, attempts, last_status_code, last_error, next_attempt_at, created_at)
				values (?, ?, ?, ?, 'LOG0000001', '{"marker":"BODY-OF-THE-WEBHOOK"}', ?, ?, ?, ?, ?, ?)""", endpoint,
				java.util.UUID.randomUUID().toString(), type, account, status, attempts, code, error,
				Timestamp.from(at.plusSeconds(30)), Timestamp.from(at));
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
