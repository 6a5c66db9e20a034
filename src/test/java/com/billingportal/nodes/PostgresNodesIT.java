package com.billingportal.nodes;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.billingportal.card.CardFingerprints;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentReconciler;
import com.billingportal.payment.PaymentRefusedException;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PostgresDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on two ports sharing one PostgreSQL database, as in production: started
 * at once on an empty database (migrated once, demo data included), a session signed in on one
 * used on the other, and one invoice paid through both at once (one charge).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresNodesIT {

	private static final String PASSWORD = "billing-demo-2026";

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\"[^>]*value=\"([^\"]+)\"");

	TwoNodes nodes;

	PortalNode nodeA;

	PortalNode nodeB;

	DemoData fixtures;

	@BeforeAll
	void startTwoNodesAtOnce() throws Exception {
		this.nodes = TwoNodes.start();
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
	void nodesStartedAtOnceMigrateTheEmptyDatabaseOnceWithTheSameScriptsAsH2() {
		JdbcTemplate jdbc = this.nodeA.bean(JdbcTemplate.class);
		List<Map<String, Object>> history = jdbc.queryForList(
				"select version, count(*) as applied from flyway_schema_history where success group by version order by version");
		assertThat(history).extracting((row) -> row.get("version")).containsExactly("1", "1.1", "10", "11", "12", "12.1", "13", "13.1", "13.2", "13.3", "14", "14.1", "16", "17", "18", "19", "2", "20", "21", "5", "6", "6.1", "7", "7.1", "8", "9");
		assertThat(history).allSatisfy((row) -> assertThat(((Number) row.get("applied")).intValue()).isEqualTo(1));
		assertThat(jdbc.queryForObject("select count(*) from app_user where email = 'admin@contoso.com'", Integer.class))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(this.nodes.database.name());
	}

	@Test
	void nodesStartedAtOnceAgreeOnTheDemosGeneratedFingerprintKey() {
		JdbcTemplate jdbc = this.nodeA.bean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select count(*) from card_fingerprint_key", Integer.class)).isOne();
		assertThat(this.nodeA.bean(CardFingerprints.class).keyId())
			.isEqualTo(this.nodeB.bean(CardFingerprints.class).keyId());
		assertThat(jdbc.queryForObject("select count(*) from credit_card where fingerprint_key_id = ?", Integer.class,
				this.nodeA.bean(CardFingerprints.class).keyId()))
			.as("the demo data's cards, fingerprinted under it")
			.isEqualTo(jdbc.queryForObject("select count(*) from credit_card", Integer.class));
	}

	@Test
	void postgresProfileAloneStartsOnAnEmptyDatabaseWithoutDemoData() {
		try (PostgresDatabase empty = PostgresDatabase.create();
				PortalNode node = PortalNode.start("--spring.profiles.active=postgres", "--BILLING_DB_URL=" + empty.url(),
						"--BILLING_DB_USER=" + PostgresDatabase.USER, "--BILLING_DB_PASSWORD=",
						"--billing.cards.fingerprint-key=" + UUID.randomUUID() + UUID.randomUUID())) {
			JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(empty.name());
			assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isZero();
			assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
					String.class)).containsExactly("1", "2", "5", "6", "6.1", "7", "7.1", "8", "9", "10", "11", "12", "12.1", "13", "13.2", "13.3", "14", "16", "17", "18", "19", "20", "21");
			assertThat(jdbc.queryForObject("select count(*) from card_fingerprint_key", Integer.class))
				.as("the configured key is kept nowhere")
				.isZero();
			node.context.close();
		}
	}

	/**
	 * Pointed at PostgreSQL (as SPRING_DATASOURCE_URL would) with no profile at all: the demo
	 * sign-ins, whose password is published, must not be created.
	 */
	@Test
	void noProfileOnPostgresStartsWithoutDemoData() {
		try (PostgresDatabase empty = PostgresDatabase.create();
				PortalNode node = PortalNode.start("--spring.datasource.url=" + empty.url(),
						"--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password=",
						// Outside the demo the portal needs its fingerprint key, as in production.
						"--billing.cards.fingerprint-key=" + UUID.randomUUID() + UUID.randomUUID())) {
			JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(empty.name());
			assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isZero();
			assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
					String.class)).contains("1", "2").doesNotContain("1.1");
			assertThat(node.context.getEnvironment().matchesProfiles("demo")).isFalse();
			node.context.close();
		}
	}

	@Test
	void sessionSignedInOnNodeAIsSignedInOnNodeB() throws Exception {
		String session = this.nodeA.signIn(DemoData.CONTOSO_ADMIN, PASSWORD);

		HttpResponse<String> invoices = this.nodeB.get("/billing/accounts/" + this.fixtures.contoso() + "/invoices",
				session);

		assertThat(invoices.statusCode()).isEqualTo(200);
		assertThat(invoices.body()).contains("Avery Chen").contains("admin@contoso.com").contains("Contoso Ltd");
		// Without the cookie node B sends the browser to sign in.
		assertThat(this.nodeB.get("/billing/accounts/" + this.fixtures.contoso() + "/invoices", null).statusCode())
			.isEqualTo(302);
	}

	@Test
	void simultaneousPaysOfOneInvoiceThroughBothNodesChargeOnce() throws Exception {
		String invoice = this.fixtures.newDueInvoice();
		String session = this.nodeA.signIn(DemoData.CONTOSO_ADMIN, PASSWORD);
		String path = "/billing/accounts/" + this.fixtures.contoso() + "/invoices/" + invoice + "/pay";
		// Two tabs: the blade opened once through each node, each with its own idempotency key.
		List<PortalNode> nodes = List.of(this.nodeA, this.nodeB);
		List<Map<String, String>> forms = new ArrayList<>();
		for (PortalNode node : nodes) {
			String blade = node.get(path, session).body();
			forms.add(Map.of("_csrf", PortalNode.csrf(blade), "idempotencyKey",
					PortalNode.field(blade, IDEMPOTENCY_KEY), "paymentMethod", String.valueOf(this.fixtures.visa())));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> posts = new ArrayList<>();
			for (int i = 0; i < nodes.size(); i++) {
				PortalNode node = nodes.get(i);
				Map<String, String> form = forms.get(i);
				posts.add(pool.submit(() -> {
					start.await();
					return node.post(path, session, form);
				}));
			}
			start.countDown();
			for (Future<HttpResponse<String>> post : posts) {
				HttpResponse<String> response = post.get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(302);
				assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/invoices")
					.doesNotContain("/error");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fixtures.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.fixtures.payments(invoice, PaymentStatus.SUCCEEDED)).isEqualTo(1);
		assertThat(this.fixtures.invoiceStatus(invoice)).isEqualTo("PAID");
	}

	@Test
	void twentyConcurrentSubmissionsOnBothNodesChargeOnce() throws Exception {
		String invoice = this.fixtures.newDueInvoice();
		String sharedKey = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				PaymentService service = ((i % 2 == 0) ? this.nodeA : this.nodeB).bean(PaymentService.class);
				String key = (i % 4 < 2) ? sharedKey : UUID.randomUUID().toString();
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						return service.pay(this.fixtures.adminAccess(), this.fixtures.admin(), invoice, key,
								this.fixtures.visa(), null);
					}
					catch (PaymentRefusedException ex) {
						return ex.messageKey();
					}
				}));
			}
			start.countDown();
			for (Future<Object> outcome : outcomes) {
				assertThat(outcome.get(60, TimeUnit.SECONDS)).satisfiesAnyOf(
						(x) -> assertThat(x).isInstanceOf(Payment.class),
						(x) -> assertThat(x).isIn("pay.refused.inProgress", "pay.refused.alreadyPaid"));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fixtures.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.fixtures.gatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.fixtures.payments(invoice, PaymentStatus.SUCCEEDED)).isEqualTo(1);
	}

	/**
	 * Pay selected on node A (three invoices, then two of them) and Pay now of each invoice on node
	 * B, all at once: each invoice charged exactly once, no deadlock (rows locked in invoice id
	 * order), every loser refused with the invoice that stood in its way.
	 */
	@Test
	void paySelectedOnOneNodeAndSinglePaysOnTheOtherChargeEachInvoiceOnce() throws Exception {
		List<String> invoices = List.of(this.fixtures.newDueInvoice(), this.fixtures.newDueInvoice(),
				this.fixtures.newDueInvoice());
		PaymentService a = this.nodeA.bean(PaymentService.class);
		PaymentService b = this.nodeB.bean(PaymentService.class);
		List<java.util.concurrent.Callable<Object>> attempts = new ArrayList<>();
		attempts.add(() -> a.payInvoices(this.fixtures.adminAccess(), this.fixtures.admin(),
				List.of(invoices.get(2), invoices.get(0), invoices.get(1)), UUID.randomUUID().toString(),
				this.fixtures.visa(), null));
		attempts.add(() -> a.payInvoices(this.fixtures.adminAccess(), this.fixtures.admin(),
				List.of(invoices.get(1), invoices.get(2)), UUID.randomUUID().toString(), this.fixtures.visa(), null));
		for (String invoice : invoices) {
			attempts.add(() -> b.pay(this.fixtures.adminAccess(), this.fixtures.admin(), invoice,
					UUID.randomUUID().toString(), this.fixtures.visa(), null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Object>> outcomes = new ArrayList<>();
			for (java.util.concurrent.Callable<Object> attempt : attempts) {
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						return attempt.call();
					}
					catch (PaymentRefusedException ex) {
						return ex.messageKey() + " " + ex.invoiceNumber();
					}
				}));
			}
			start.countDown();
			for (Future<Object> outcome : outcomes) {
				assertThat(outcome.get(60, TimeUnit.SECONDS)).satisfiesAnyOf(
						(x) -> assertThat(x).isInstanceOf(Payment.class),
						(x) -> assertThat(String.valueOf(x)).matches(
								"pay\\.refused\\.(inProgress|alreadyPaid) (" + String.join("|", invoices) + ")"));
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (String invoice : invoices) {
			assertThat(this.fixtures.invoiceStatus(invoice)).isEqualTo("PAID");
			assertThat(this.fixtures.jdbc()
				.queryForObject("select count(*) from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key"
						+ " join payment_allocation x on x.payment_id = p.id join invoice i on i.id = x.invoice_id"
						+ " where i.invoice_number = ? and c.status = 'SUCCEEDED'", Integer.class, invoice))
				.as("charges of %s", invoice)
				.isEqualTo(1);
		}
	}

	@Test
	void reconcilersOnBothNodesAtOnceSettleAnUnknownPaymentOnce() throws Exception {
		String invoice = this.fixtures.newDueInvoice();
		// The documented card whose charge succeeds but whose answer is lost.
		Payment unknown = this.nodeA.bean(PaymentService.class)
			.pay(this.fixtures.adminAccess(), this.fixtures.admin(), invoice, UUID.randomUUID().toString(), null,
					DemoData.newCard("4000000000007775"));
		assertThat(unknown.status()).isEqualTo(PaymentStatus.UNKNOWN);

		CompletableFuture.allOf(
				CompletableFuture.runAsync(() -> this.nodeA.bean(PaymentReconciler.class).reconcileAll()),
				CompletableFuture.runAsync(() -> this.nodeB.bean(PaymentReconciler.class).reconcileAll()))
			.get(60, TimeUnit.SECONDS);

		assertThat(this.fixtures.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.fixtures.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.fixtures.history(unknown.reference())).filteredOn((d) -> d.startsWith("UNKNOWN ->"))
			.hasSize(1);
	}

	@Test
	void reconcilersOnBothNodesAtOnceSettleARefundWhoseAnswerWasLostOnce() throws Exception {
		String invoice = this.fixtures.newDueInvoice();
		Payment payment = this.nodeA.bean(PaymentService.class)
			.pay(this.fixtures.adminAccess(), this.fixtures.admin(), invoice, UUID.randomUUID().toString(), null,
					DemoData.newCard("4000000000007775"));
		this.nodeA.bean(PaymentReconciler.class).reconcileAll();
		// The sandbox loses the answer of every refund of a payment made with that card.
		var refund = this.nodeB.bean(com.billingportal.payment.RefundService.class)
			.refund(this.fixtures.contoso(), payment.reference(), com.billingportal.money.Money.of("6.00", "USD"),
					"nodes-refund-1", null, this.fixtures.admin())
			.refund();
		assertThat(refund.status().name()).isEqualTo("UNKNOWN");

		CompletableFuture.allOf(
				CompletableFuture.runAsync(() -> this.nodeA.bean(PaymentReconciler.class).reconcileRefunds()),
				CompletableFuture.runAsync(() -> this.nodeB.bean(PaymentReconciler.class).reconcileRefunds()))
			.get(60, TimeUnit.SECONDS);

		var jdbc = this.fixtures.jdbc();
		assertThat(jdbc.queryForObject("select status from refund where refund_ref = ?", String.class,
				refund.reference())).isEqualTo("SUCCEEDED");
		assertThat(jdbc.queryForObject("select amount_paid from invoice where invoice_number = ?",
				java.math.BigDecimal.class, invoice)).isEqualByComparingTo("100.00");
		assertThat(jdbc.queryForObject("select amount_refunded from payment where payment_ref = ?",
				java.math.BigDecimal.class, payment.reference())).isEqualByComparingTo("6.00");
		assertThat(this.fixtures.history(payment.reference())).filteredOn((d) -> d.contains("REFUNDED")).hasSize(1);
	}

}
