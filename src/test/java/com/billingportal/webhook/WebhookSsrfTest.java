package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Server-side request forgery through webhooks, with private networks refused as they are by
 * default (the other tests' receivers on 127.0.0.1 are allowed by their configuration): an API
 * client cannot register a URL on the portal's own machine, its network or the cloud metadata
 * service (422 naming the field), and a webhook whose host resolves to such an address when it is
 * sent (DNS rebinding, or an endpoint stored before) is not sent there. Plain http stays allowed
 * here so that the receiver is reached if the check fails. Both failed before the check: 201 and a
 * webhook received.
 */
@PortalTest
@TestPropertySource(properties = "billing.webhooks.allow-private-networks=false")
class WebhookSsrfTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	WebhookDelivery delivery;

	HttpServer server;

	final AtomicInteger received = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws Exception {
		this.demo.jdbc().update("delete from webhook_delivery");
		this.demo.jdbc().update("delete from webhook_endpoint");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.received.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopReceiver() {
		this.server.stop(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:%d/hooks", "http://localhost:%d/hooks", "https://[::1]:%d/hooks",
			"https://10.0.0.5:%d/hooks", "https://192.168.1.1:%d/", "https://169.254.169.254:%d/latest/meta-data/",
			"http://0.0.0.0:%d/", "https://[::ffff:127.0.0.1]:%d/", "https://user:pw@erp.example.com:%d/hooks" })
	void aUrlOnThePortalsMachineOrNetworkOrWithAPasswordIsRefusedWhenRegistered(String pattern) throws Exception {
		String url = pattern.formatted(this.server.getAddress().getPort());
		this.mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + WebhookTest.DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("url"))
			.andExpect(jsonPath("$.errors[0].reason").isNotEmpty())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
		assertThat(this.demo.jdbc().queryForObject("select count(*) from webhook_endpoint", Integer.class)).isZero();
	}

	@Test
	void aWebhookWhoseHostNowResolvesToTheMachineItselfIsNotSentThere() throws Exception {
		// Registered when its name resolved to a public address; it now resolves to 127.0.0.1.
		String url = "http://localhost:" + this.server.getAddress().getPort() + "/hooks";
		this.demo.jdbc().update("insert into webhook_endpoint (client, url, secret, created_at) "
				+ "values ('demo-erp', ?, 'whsec_0123456789abcdef', current_timestamp)", url);
		issue("SSRF000001");
		await(() -> this.demo.jdbc().queryForObject(
				"select count(*) from webhook_delivery where attempts > 0", Integer.class) > 0);
		this.delivery.sendDue();
		var row = this.demo.jdbc().queryForMap("select status, attempts, last_status_code, last_error from webhook_delivery");
		assertThat(this.received).hasValue(0);
		assertThat(row.get("STATUS")).isEqualTo("PENDING");
		assertThat(row.get("LAST_STATUS_CODE")).isNull();
		assertThat((String) row.get("LAST_ERROR")).startsWith("address refused").contains("loopback");
	}

	private void issue(String number) throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now();
		String body = """
				{"number":"%s","account":"contoso","billingProfileId":%d,"invoiceDate":"%s","periodStart":"%s",
				 "periodEnd":"%s","dueDate":"%s","currency":"USD","tax":"1.00",
				 "lines":[{"service":"Storage","description":"Blob storage","quantity":"100","unit":"GB",
				           "unitPrice":"0.2","amount":"20.00"}]}"""
			.formatted(number, this.demo.profileId("Contoso Billing"), today, today.minusMonths(1), today.minusDays(1),
					today.plusDays(30));
		this.mvc.perform(post("/api/v1/invoices").header("Authorization", "Bearer " + WebhookTest.DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
