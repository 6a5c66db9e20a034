package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import com.billingportal.money.Money;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.RefundService;
import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a real HTTP receiver (the JDK's HttpServer): every webhook signed so that the
 * receiver verifies it, retried after 500s with a growing wait, one invoice's events in order,
 * each event id acknowledged once; and the whole way from an invoice issued through the API to
 * the admin paying it in the portal and the billing system learning invoice.paid.
 */
@PortalTest
class WebhookTest {

	static final String DEMO_KEY = "bp_demo_contoso_erp_public_demo_key_2026";

	/** Registers a webhook endpoint at this URL through the API, as the demo ERP client. */
	static void registerEndpoint(MockMvc mvc, String url) throws Exception {
		mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url + "\"}")).andExpect(status().isCreated());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	PaymentService payments;

	@Autowired
	RefundService refunds;

	@Autowired
	MutableClock clock;

	HttpServer server;

	final List<Received> received = Collections.synchronizedList(new ArrayList<>());

	/** Statuses the receiver answers, in turn; 200 once they are used up. */
	final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	String secret;

	record Received(String eventId, String type, String signature, String body, int answered) {
	}

	@BeforeEach
	void startReceiver() throws Exception {
		this.demo.jdbc().update("delete from webhook_delivery");
		this.demo.jdbc().update("delete from webhook_endpoint");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hooks", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Integer status = this.answers.poll();
			int answer = (status != null) ? status : 200;
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("Billing-Event-Id"),
					exchange.getRequestHeaders().getFirst("Billing-Event-Type"),
					exchange.getRequestHeaders().getFirst("Billing-Signature"), body, answer));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		this.server.start();
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
		String answer = this.mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url + "\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		this.secret = JsonPath.read(answer, "$.secret");
	}

	@AfterEach
	void stopReceiver() {
		this.server.stop(0);
		this.clock.reset();
	}

	@Test
	void signedRetriedAfter500sInOrderPerInvoiceAndEachEventAcknowledgedOnce() throws Exception {
		this.answers.addAll(List.of(500, 500));
		String number = issue("WH00000001");
		awaitRows(1);
		this.delivery.sendDue();
		this.delivery.sendDue();
		assertThat(acknowledged()).isEmpty();
		var payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		awaitRows(3);
		this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("5.00", "USD"), "wh-refund-1", null,
				this.demo.admin());
		awaitRows(4);
		// Nothing of the invoice overtakes its issued event while that one waits for its retry.
		this.delivery.sendDue();
		assertThat(acknowledged()).isEmpty();
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofMinutes(5));
			this.delivery.sendDue();
		}
		List<Received> acknowledged = acknowledged();
		assertThat(acknowledged).extracting(Received::type)
			.containsExactly("invoice.issued", "payment.succeeded", "invoice.paid", "payment.refunded");
		assertThat(acknowledged).extracting(Received::eventId).doesNotHaveDuplicates();
		long now = this.clock.instant().getEpochSecond();
		assertThat(this.received).allSatisfy((r) -> {
			assertThat(WebhookSignature.verify(this.secret, r.signature(), r.body(), now, 3600)).as(r.type()).isTrue();
			assertThat(WebhookSignature.verify("whsec_wrong", r.signature(), r.body(), now, 3600)).isFalse();
			assertThat(WebhookSignature.verify(this.secret, r.signature(), r.body() + " ", now, 3600)).isFalse();
			assertThat((String) JsonPath.read(r.body(), "$.id")).isEqualTo(r.eventId());
		});
		assertThat(this.received.stream().filter((r) -> r.type().equals("invoice.issued"))).extracting(Received::answered)
			.containsExactly(500, 500, 200);
		Map<String, Object> issued = this.demo.jdbc().queryForMap(
				"select status, attempts, last_status_code from webhook_delivery where event_type = 'invoice.issued'");
		assertThat(issued).containsEntry("STATUS", "DELIVERED").containsEntry("ATTEMPTS", 3).containsEntry("LAST_STATUS_CODE", 200);
		String paid = acknowledged.get(2).body();
		assertThat((String) JsonPath.read(paid, "$.data.invoice.status")).isEqualTo("PAID");
		String refunded = acknowledged.get(3).body();
		assertThat((String) JsonPath.read(refunded, "$.data.payment.refunded")).isEqualTo("5.00");
		// Sending again delivers nothing twice; the log shows every webhook delivered.
		this.delivery.sendDue();
		assertThat(acknowledged()).hasSize(4);
		this.mvc.perform(get("/api/v1/webhook-deliveries").header("Authorization", "Bearer " + DEMO_KEY))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].status").value("DELIVERED"));
	}

	@Test
	void aWebhookIsRetriedWithAGrowingWaitAndGivenUpAfterThreeDays() throws Exception {
		for (int i = 0; i < 100; i++) {
			this.answers.add(503);
		}
		issue("WH00000002");
		awaitRows(1);
		this.delivery.sendDue();
		this.delivery.sendDue();
		assertThat(this.received).hasSize(1);
		for (int i = 0; i < 40; i++) {
			this.clock.advance(Duration.ofHours(3));
			this.delivery.sendDue();
		}
		Map<String, Object> row = this.demo.jdbc().queryForMap("select status, attempts, last_status_code from webhook_delivery");
		assertThat(row).containsEntry("STATUS", "FAILED").containsEntry("LAST_STATUS_CODE", 503);
		int attempts = ((Number) row.get("ATTEMPTS")).intValue();
		assertThat(attempts).isBetween(8, 30);
		assertThat(this.received).hasSize(attempts);
	}

	@Test
	void issuedThroughTheApiPaidByTheAdminInThePortalTheBillingSystemLearnsItWasPaid() throws Exception {
		String number = issue("WH00000003");
		long account = this.demo.contoso();
		this.mvc.perform(get("/billing/accounts/" + account + "/invoices").with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
					org.hamcrest.Matchers.containsString(number)));
		this.mvc.perform(post("/billing/accounts/" + account + "/invoices/" + number + "/pay")
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))
			.with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.visa()))).andExpect(status().is3xxRedirection());
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
		awaitRows(3);
		this.delivery.sendDue();
		Received paid = acknowledged().stream().filter((r) -> r.type().equals("invoice.paid")).findFirst().orElseThrow();
		assertThat(WebhookSignature.verify(this.secret, paid.signature(), paid.body(),
				this.clock.instant().getEpochSecond(), 300)).isTrue();
		assertThat((String) JsonPath.read(paid.body(), "$.data.invoice.number")).isEqualTo(number);
		assertThat((String) JsonPath.read(paid.body(), "$.data.invoice.amountDue")).isEqualTo("21.00");
		assertThat((String) JsonPath.read(paid.body(), "$.data.invoice.balanceDue")).isEqualTo("0.00");
	}

	@Test
	void aPaymentOfSeveralInvoicesNamesEachWithItsPartAndKeepsTheFirstAsInvoice() throws Exception {
		String first = issue("WH00000005");
		String second = issue("WH00000006");
		awaitRows(2);
		var payment = this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(first, second),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		await(() -> this.demo.jdbc().queryForObject(
				"select count(*) from webhook_delivery where event_type = 'payment.succeeded'", Integer.class) > 0);
		this.delivery.sendDue();
		Received succeeded = acknowledged().stream()
			.filter((r) -> r.type().equals("payment.succeeded"))
			.findFirst()
			.orElseThrow();
		assertThat((String) JsonPath.read(succeeded.body(), "$.data.payment.id")).isEqualTo(payment.reference());
		assertThat((String) JsonPath.read(succeeded.body(), "$.data.payment.amount")).isEqualTo("42.00");
		assertThat((String) JsonPath.read(succeeded.body(), "$.data.payment.invoice")).isEqualTo(first);
		assertThat((List<String>) JsonPath.read(succeeded.body(), "$.data.payment.invoices[*].number"))
			.containsExactly(first, second);
		assertThat((List<String>) JsonPath.read(succeeded.body(), "$.data.payment.invoices[*].amount"))
			.containsExactly("21.00", "21.00");
	}

	@Test
	void aRedirectIsNotFollowed() throws Exception {
		// The receiver's answer could send the portal anywhere (its own machine, the metadata service).
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/hooks");
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		this.demo.jdbc().update("update webhook_endpoint set url = replace(url, '/hooks', '/moved')");
		issue("WH00000004");
		await(() -> this.demo.jdbc().queryForObject("select count(*) from webhook_delivery where attempts > 0",
				Integer.class) > 0);
		Map<String, Object> row = this.demo.jdbc().queryForMap("select status, last_status_code from webhook_delivery");
		assertThat(row).containsEntry("STATUS", "PENDING").containsEntry("LAST_STATUS_CODE", 307);
		assertThat(this.received).isEmpty();
	}

	private List<Received> acknowledged() {
		synchronized (this.received) {
			return this.received.stream().filter((r) -> r.answered() == 200).toList();
		}
	}

	private String issue(String number) throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now();
		String body = """
				{"number":"%s","account":"contoso","billingProfileId":%d,"invoiceDate":"%s","periodStart":"%s",
				 "periodEnd":"%s","dueDate":"%s","currency":"USD","tax":"1.00",
				 "lines":[{"service":"Storage","description":"Blob storage","quantity":"100","unit":"GB",
				           "unitPrice":"0.2","amount":"20.00"}]}"""
			.formatted(number, this.demo.profileId("Contoso Billing"), today, today.minusMonths(1), today.minusDays(1),
					today.plusDays(30));
		this.mvc.perform(post("/api/v1/invoices").header("Authorization", "Bearer " + DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
		return number;
	}

	/** Waits for the listeners (after commit, on threads of their own) to write this many webhooks. */
	private void awaitRows(int rows) throws InterruptedException {
		await(() -> this.demo.jdbc().queryForObject("select count(*) from webhook_delivery", Integer.class) >= rows);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
