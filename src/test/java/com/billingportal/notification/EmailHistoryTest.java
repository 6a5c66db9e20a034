package com.billingportal.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * On the embedded default, with no mail server, emails are kept and shown in Email history: what
 * a payment wrote, to whom, in which language, and the message itself, never a card number.
 */
@PortalTest
class EmailHistoryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@AfterEach
	void everyoneReadsEnglishAgain() {
		this.demo.jdbc().update("update app_user set language = null");
	}

	@Test
	void aPaymentsReceiptIsKeptAndShownInEmailHistory() throws Exception {
		String invoice = this.demo.newDueInvoice();
		var payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), null, DemoData.newCard("4242424242424242"));
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);

		List<Map<String, Object>> emails = this.demo.jdbc()
			.queryForList("select id, recipient, kind, status, language, mime from email_message where about = ?", invoice);
		assertThat(emails).singleElement().satisfies((email) -> {
			assertThat(email.get("recipient")).isEqualTo(DemoData.CONTOSO_ADMIN);
			assertThat(email.get("kind")).isEqualTo("PAYMENT_RECEIPT");
			assertThat(email.get("status")).isEqualTo("KEPT");
			assertThat(email.get("language")).isEqualTo("en");
			assertThat((String) email.get("mime")).doesNotContain("4242424242424242")
				.doesNotContain(this.demo.jdbc()
					.queryForObject("select gateway_token from credit_card where id = (select card_id from payment where payment_ref = ?)",
							String.class, payment.reference()));
		});
		String history = page("/billing/accounts/" + this.demo.contoso() + "/emails");
		assertThat(history).contains("Email history")
			.contains("Payment receipt: invoice " + invoice + " is paid")
			.contains("Kept (no mail server)")
			.contains(DemoData.CONTOSO_ADMIN);
		String message = page("/billing/accounts/" + this.demo.contoso() + "/emails/" + emails.get(0).get("id"));
		assertThat(message).contains("We received your payment of $106.00 for invoice " + invoice)
			.contains("receipt-" + payment.reference() + ".pdf")
			.contains("/billing/accounts/" + this.demo.contoso() + "/payments/" + payment.reference() + "/receipt")
			.doesNotContain("4242424242424242");
	}

	@Test
	void aDeclinedPaymentTellsTheAdminWhyInTheBladesWords() throws Exception {
		String invoice = this.demo.newDueInvoice();
		var payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), null, DemoData.newCard("4000000000009995"));
		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);

		Map<String, Object> email = this.demo.jdbc()
			.queryForMap("select id, recipient, kind, status, subject from email_message where about = ?", invoice);
		assertThat(email.get("kind")).isEqualTo("PAYMENT_FAILED");
		assertThat(email.get("recipient")).isEqualTo(DemoData.CONTOSO_ADMIN);
		assertThat(email.get("subject")).isEqualTo("Your payment for invoice " + invoice + " didn't go through");
		String message = page("/billing/accounts/" + this.demo.contoso() + "/emails/" + email.get("id"));
		assertThat(message).contains("Your bank declined the payment: the card has insufficient funds.")
			.contains("What you can check before trying again:")
			.contains("/billing/accounts/" + this.demo.contoso() + "/invoices/" + invoice + "/pay")
			.doesNotContain("4000000000009995");
	}

	@Test
	void theLanguageTheAdminChoseIsTheLanguageOfTheirEmails() throws Exception {
		this.mvc.perform(get("/").param("lang", "zh-CN").with(user(this.demo.user(DemoData.CONTOSO_ADMIN))));
		assertThat(this.demo.jdbc().queryForObject("select language from app_user where email = ?", String.class,
				DemoData.CONTOSO_ADMIN)).isEqualTo("zh-CN");
		String invoice = this.demo.newDueInvoice();
		this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice, UUID.randomUUID().toString(),
				this.demo.visa(), null);

		Map<String, Object> email = this.demo.jdbc()
			.queryForMap("select language, subject from email_message where about = ?", invoice);
		assertThat(email.get("language")).isEqualTo("zh-CN");
		assertThat(email.get("subject")).isEqualTo("付款收据：发票 " + invoice + " 已付款");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
