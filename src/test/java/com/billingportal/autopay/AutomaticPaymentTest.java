package com.billingportal.autopay;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.invoice.InvoiceAnnouncements;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Automatic payment with the default card: a newly issued invoice of a profile with the setting on
 * is charged once by the job, as the system; a decline is retried 1, 3 and 7 days after the first
 * attempt and then the admin is told; Pay now in between ends the retries; two nodes at once charge
 * once; with the setting off nothing is charged.
 */
@PortalTest
class AutomaticPaymentTest {

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AutomaticPayments autopay;

	@Autowired
	InvoiceAnnouncements announcements;

	@Autowired
	PaymentService payments;

	@Autowired
	BillingAccountService accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	long contoso;

	long card;

	String token;

	@BeforeEach
	void setUp() {
		this.contoso = this.demo.contoso();
		this.card = this.jdbc.queryForObject("select default_card_id from billing_profile where id = ?", Long.class,
				this.demo.profileId("Contoso Billing"));
		this.token = this.jdbc.queryForObject("select gateway_token from credit_card where id = ?", String.class,
				this.card);
		// The database is fresh for the class, not for each test: earlier tests' invoices are done with.
		this.jdbc.update("update autopay_invoice set outcome = 'CANCELLED', next_attempt_at = null");
		this.jdbc.update("update invoice set issue_announced_at = current_timestamp where issue_announced_at is null");
	}

	@AfterEach
	void resetClockAndCard() {
		this.clock.reset();
		this.jdbc.update("update credit_card set gateway_token = ? where id = ?", this.token, this.card);
		this.jdbc.update("update billing_profile set autopay = true where name = 'Contoso Billing'");
	}

	@Test
	void theDemoHasOneProfileWithAutomaticPaymentOnAndOneOffShownOnProperties() throws Exception {
		assertThat(autopayOf("Contoso Billing")).isTrue();
		assertThat(autopayOf("Contoso Research")).isFalse();
		String properties = this.mvc
			.perform(get("/billing/accounts/" + this.contoso + "/properties")
				.with(user(this.demo.user(DemoData.CONTOSO_READER)))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(properties).contains("Automatic payment with the default card (Contoso Billing)</dt><dd id=\"prop-autopay-"
				+ this.demo.profileId("Contoso Billing") + "\">On</dd>",
				"Automatic payment with the default card (Contoso Research)</dt><dd id=\"prop-autopay-"
						+ this.demo.profileId("Contoso Research") + "\">Off</dd>");
	}

	@Test
	void aNewlyIssuedInvoiceIsChargedOnceAsTheSystem() {
		String number = issued();

		assertThat(this.autopay.runDue()).isEqualTo(1);
		assertThat(this.autopay.runDue()).as("charged once").isZero();

		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
		assertThat(this.demo.payments(number, PaymentStatus.SUCCEEDED)).isEqualTo(1);
		assertThat(this.demo.gatewayCharges(number)).isEqualTo(1);
		assertThat(outcome(number)).isEqualTo("PAID");
		assertThat(this.jdbc.queryForList("""
				select distinct c.actor_email from payment_state_change c join payment p on p.payment_ref = c.payment_ref
				join invoice i on i.id = p.invoice_id where i.invoice_number = ?""", String.class, number))
			.containsExactly("system");
	}

	@Test
	void aDeclineIsRetriedAfterOneThreeAndSevenDaysThenTheAdminIsTold() throws Exception {
		declining();
		String number = issued();

		assertThat(this.autopay.runDue()).isEqualTo(1);
		assertThat(this.autopay.runDue()).as("the retry is not due yet").isZero();
		this.clock.advance(Duration.ofHours(23));
		assertThat(this.autopay.runDue()).isZero();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.autopay.runDue()).as("day 1").isEqualTo(1);
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.autopay.runDue()).as("day 3").isEqualTo(1);
		this.clock.advance(Duration.ofDays(3));
		assertThat(this.autopay.runDue()).as("day 6: nothing").isZero();
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.autopay.runDue()).as("day 7").isEqualTo(1);
		this.clock.advance(Duration.ofDays(20));
		assertThat(this.autopay.runDue()).as("no more retries").isZero();

		assertThat(this.demo.payments(number, PaymentStatus.FAILED)).isEqualTo(4);
		assertThat(this.demo.paymentFailureReasons(number)).hasSize(4).allMatch("BANK_DECLINED"::equals);
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
		assertThat(outcome(number)).isEqualTo("GAVE_UP");
		await(() -> this.jdbc.queryForObject("select count(*) from email_message where kind = 'AUTOPAY_FAILED' and about = ?",
				Integer.class, number) == 1);
		String overview = this.mvc
			.perform(get("/billing/accounts/" + this.contoso).with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains("id=\"autopay-failed\"", "Automatic payment failed for " + number);
	}

	@Test
	void payNowBetweenRetriesWinsAndCancelsTheRest() {
		declining();
		String number = issued();
		assertThat(this.autopay.runDue()).isEqualTo(1);

		AccountAccess admin = this.accounts.adminAccess(this.contoso);
		var paid = this.payments.pay(admin, new Actor(this.demo.user(DemoData.CONTOSO_ADMIN).id(),
				DemoData.CONTOSO_ADMIN), number, UUID.randomUUID().toString(), null, DemoData.newCard("4242424242424242"));
		assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);

		this.clock.advance(Duration.ofDays(8));
		assertThat(this.autopay.runDue()).isZero();
		assertThat(this.autopay.runDue()).isZero();
		assertThat(outcome(number)).isEqualTo("CANCELLED");
		assertThat(this.demo.payments(number, PaymentStatus.FAILED)).isEqualTo(1);
		assertThat(this.demo.payments(number, PaymentStatus.SUCCEEDED)).isEqualTo(1);
	}

	@Test
	void twoNodesRunningAtOnceChargeOnce() throws Exception {
		String number = issued();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = List.of(pool.submit(() -> {
				start.await();
				return this.autopay.runDue();
			}), pool.submit(() -> {
				start.await();
				return this.autopay.runDue();
			}));
			start.countDown();
			assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.demo.gatewayCharges(number)).isEqualTo(1);
		assertThat(this.demo.payments(number, PaymentStatus.SUCCEEDED)).isEqualTo(1);
	}

	@Test
	void withTheSettingOffNothingIsCharged() {
		this.jdbc.update("update billing_profile set autopay = false where name = 'Contoso Billing'");
		String number = this.demo.newDueInvoice();
		this.jdbc.update("update invoice set issue_announced_at = current_timestamp where invoice_number = ?", number);
		assertThat(this.autopay.enrol(this.contoso, number)).isFalse();
		assertThat(this.autopay.runDue()).isZero();
		assertThat(this.demo.gatewayCharges(number)).isZero();

		// Turned off after the invoice was enrolled: its attempt is cancelled, nothing charged.
		this.jdbc.update("update billing_profile set autopay = true where name = 'Contoso Billing'");
		String other = issued();
		this.jdbc.update("update billing_profile set autopay = false where name = 'Contoso Billing'");
		assertThat(this.autopay.runDue()).isZero();
		assertThat(outcome(other)).isEqualTo("CANCELLED");
		assertThat(this.demo.gatewayCharges(other)).isZero();
		assertThat(this.demo.invoiceStatus(other)).isEqualTo("DUE");
	}

	/** A new invoice of Contoso Billing, announced as issued and enrolled by the listener. */
	private String issued() {
		String number = this.demo.newDueInvoice();
		assertThat(this.announcements.announce()).isEqualTo(1);
		await(() -> outcome(number) != null);
		return number;
	}

	private void declining() {
		this.jdbc.update("update credit_card set gateway_token = ? where id = ?", "sbx_decline_autopaytest", this.card);
	}

	private boolean autopayOf(String profile) {
		return this.jdbc.queryForObject("select autopay from billing_profile where name = ?", Boolean.class, profile);
	}

	private String outcome(String number) {
		List<String> outcomes = this.jdbc.queryForList("""
				select a.outcome from autopay_invoice a join invoice i on i.id = a.invoice_id
				where i.invoice_number = ?""", String.class, number);
		return outcomes.isEmpty() ? null : outcomes.get(0);
	}

	private static void await(BooleanSupplier condition) {
		long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("condition not met in 15 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
