package com.billingportal.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.billingportal.money.Money;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten refunds of one payment at once, each of a fifth of it less a little: never more refunded
 * than was paid, in the portal's books and at the processor alike. The payment's row lock decides
 * (and a check constraint backs it), not a Java lock. Runs on H2 and, with -Dtest.db=postgres, on
 * PostgreSQL.
 */
@PortalTest
class ConcurrentRefundTest {

	@Autowired
	PaymentService payments;

	@Autowired
	RefundService refunds;

	@Autowired
	DemoData demo;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void tenConcurrentRefundsNeverExceedWhatWasPaid() throws Exception {
		String number = this.demo.newDueInvoice();
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		long account = this.demo.contoso();
		Money each = Money.of("20.00", "USD");
		ExecutorService pool = Executors.newFixedThreadPool(10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = "concurrent-" + i;
			results.add(pool.submit(() -> {
				start.await();
				try {
					return this.refunds.refund(account, payment.reference(), each, key, null, this.demo.admin())
						.refund()
						.status() == Refund.Status.SUCCEEDED;
				}
				catch (RuntimeException refusedOrLocked) {
					return false;
				}
			}));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Boolean> result : results) {
			succeeded += result.get() ? 1 : 0;
		}
		pool.shutdown();
		var jdbc = this.demo.jdbc();
		BigDecimal refunded = jdbc.queryForObject("select amount_refunded from payment where payment_ref = ?",
				BigDecimal.class, payment.reference());
		BigDecimal atProcessor = jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from sandbox_refund where charge_key = ? and status = 'SUCCEEDED'",
				BigDecimal.class, payment.reference());
		BigDecimal inBooks = jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from refund where payment_id = ? and status = 'SUCCEEDED'",
				BigDecimal.class, payment.id());
		assertThat(succeeded).isBetween(1, 5);
		assertThat(refunded).isEqualByComparingTo(inBooks).isEqualByComparingTo(atProcessor)
			.isEqualByComparingTo(new BigDecimal(20 * succeeded))
			.isLessThanOrEqualTo(DemoData.newInvoiceAmount());
		BigDecimal paid = jdbc.queryForObject("select amount_paid from invoice where invoice_number = ?",
				BigDecimal.class, number);
		assertThat(paid).isEqualByComparingTo(DemoData.newInvoiceAmount().subtract(refunded));
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
		// What is left of it can still be refunded, once; more cannot.
		Money left = Money.of(DemoData.newInvoiceAmount().subtract(refunded), "USD");
		assertThat(this.refunds.refund(account, payment.reference(), null, "rest", null, this.demo.admin())
			.refund()
			.amount()).isEqualTo(left);
		assertThat(jdbc.queryForObject("select amount_refunded from payment where payment_ref = ?", BigDecimal.class,
				payment.reference())).isEqualByComparingTo(DemoData.newInvoiceAmount());
	}

	@Test
	void aRefundedInvoiceIsPaidAgainForItsBalanceAndShowsRefundedOnItsPages() throws Exception {
		String number = this.demo.newDueInvoice();
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("6.00", "USD"), "partial-1", null,
				this.demo.admin());
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.demo.user(DemoData.CONTOSO_ADMIN));
		String base = "/billing/accounts/" + this.demo.contoso();
		for (String page : List.of(base + "/payments", base + "/payments/" + payment.reference() + "/receipt",
				base + "/invoices/" + number)) {
			String html = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page).with(admin))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(page).contains("Partially refunded ($6.00)");
		}
		assertThat(this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base + "/invoices/" + number).with(admin))
			.andReturn().getResponse().getContentAsString()).contains("Balance due");
		Payment again = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(again.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(again.amount()).isEqualTo(Money.of("6.00", "USD"));
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
	}

}
