package com.billingportal.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.billingportal.account.BillingAccountService;
import com.billingportal.portal.Flash;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Many Pay now submissions for one invoice at once, with the same idempotency key (a double
 * click) and with different keys (two tabs): one charge, one Succeeded payment, and every loser is
 * told in words, never shown an error page. The database decides (row lock on the invoice, unique
 * live payment per invoice), not a Java lock.
 */
@PortalTest
class ConcurrentPaymentTest {

	@Autowired
	PaymentService payments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BillingAccountService accounts;

	@Autowired
	UserService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void twentyConcurrentSubmissionsOfOneInvoiceChargeOnce() throws Exception {
		String invoice = this.demo.newDueInvoice();
		String sharedKey = UUID.randomUUID().toString();
		int submissions = 20;
		ExecutorService pool = Executors.newFixedThreadPool(submissions);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < submissions; i++) {
				// Half of them are the same form posted again, half come from other tabs.
				String key = (i % 2 == 0) ? sharedKey : UUID.randomUUID().toString();
				Callable<Object> submit = () -> {
					start.await();
					try {
						return this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice, key,
								this.demo.visa(), null);
					}
					catch (PaymentRefusedException ex) {
						return ex.messageKey();
					}
				};
				outcomes.add(pool.submit(submit));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}
			// Every loser was refused with a reason the page shows, or got the first payment back.
			assertThat(results).allSatisfy((r) -> assertThat(r).satisfiesAnyOf(
					(x) -> assertThat(x).isInstanceOf(Payment.class),
					(x) -> assertThat(x).isIn("pay.refused.inProgress", "pay.refused.alreadyPaid")));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.demo.gatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.demo.payments(invoice, PaymentStatus.SUCCEEDED)).isEqualTo(1);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
	}

	@Test
	void doubleClickAndTwoTabsThroughTheBladeShowMessagesNotErrorPages() throws Exception {
		String invoice = this.demo.newDueInvoice();
		String sameForm = UUID.randomUUID().toString();
		String[] keys = { sameForm, sameForm, UUID.randomUUID().toString(), UUID.randomUUID().toString() };
		ExecutorService pool = Executors.newFixedThreadPool(keys.length);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> posts = new ArrayList<>();
		var admin = this.users.loadUserByUsername(DemoData.CONTOSO_ADMIN);
		String url = "/billing/accounts/" + this.demo.contoso() + "/invoices/" + invoice + "/pay";
		try {
			for (String key : keys) {
				posts.add(pool.submit(() -> {
					start.await();
					return this.mvc
						.perform(post(url).with(user(admin)).with(csrf())
							.param("idempotencyKey", key)
							.param("paymentMethod", String.valueOf(this.demo.visa())))
						.andReturn();
				}));
			}
			start.countDown();
			List<String> messages = new ArrayList<>();
			for (Future<MvcResult> post : posts) {
				MvcResult result = post.get(60, TimeUnit.SECONDS);
				assertThat(result.getResponse().getStatus()).isEqualTo(302);
				assertThat(result.getResponse().getRedirectedUrl()).endsWith("/invoices");
				messages.add(((Flash) result.getFlashMap().get("flash")).messageKey());
			}
			assertThat(messages).contains("pay.success")
				.allSatisfy((m) -> assertThat(m).isIn("pay.success", "pay.refused.inProgress", "pay.refused.alreadyPaid"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.demo.payments(invoice, PaymentStatus.SUCCEEDED)).isEqualTo(1);
	}

	@Test
	void lostAnswerCardLeavesTheInvoiceProcessingAndOpeningTheBladeAgainSettlesIt() throws Exception {
		String invoice = this.demo.newDueInvoice();
		var admin = this.users.loadUserByUsername(DemoData.CONTOSO_ADMIN);
		long account = this.demo.contoso();
		String url = "/billing/accounts/" + account + "/invoices/" + invoice + "/pay";

		MvcResult paid = this.mvc.perform(post(url).with(user(admin)).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", "new")
			.param("newCard.holderName", "Avery Chen")
			.param("newCard.number", "4000 0000 0000 7775")
			.param("newCard.expiryMonth", "12")
			.param("newCard.expiryYear", String.valueOf(java.time.LocalDate.now().getYear() + 2))
			.param("newCard.cvc", "123")
			.param("newCard.country", "US")
			.param("newCard.postalCode", "98052")).andReturn();
		assertThat(((Flash) paid.getFlashMap().get("flash")).messageKey()).isEqualTo("pay.refused.inProgress");
		assertThat(this.demo.payments(invoice, PaymentStatus.UNKNOWN)).isEqualTo(1);

		String list = this.mvc.perform(get("/billing/accounts/" + account + "/invoices").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = list.substring(list.indexOf("id=\"invoice-" + invoice + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("A payment for this invoice is being processed").contains("Processing")
			.doesNotContain("/pay");
		String detail = this.mvc.perform(get("/billing/accounts/" + account + "/invoices/" + invoice).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("A payment for this invoice is being processed").doesNotContain(url);

		// Opening the blade starts a new attempt: the earlier one is reconciled first and found paid.
		MvcResult blade = this.mvc.perform(get(url).with(user(admin))).andReturn();
		assertThat(blade.getResponse().getStatus()).isEqualTo(302);
		assertThat(((Flash) blade.getFlashMap().get("flash")).messageKey()).isEqualTo("pay.refused.alreadyPaid");
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
	}

}
