package com.billingportal.payment;

import com.billingportal.support.DemoData;
import com.billingportal.support.Html;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * A card saved by a payment attempt is dropped when that attempt fails — unless it has paid
 * something else meanwhile.
 */
@PortalTest
class CardKeptTest {

	private static final String VERIFY_CARD = "4000002760003184";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void aCardThatPaidAnotherInvoiceIsKeptWhenItsFirstAttemptFails() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		var payable = this.demo.payableInvoices(CONTOSO);
		String first = payable.get(0);
		String second = payable.get(1);

		// Invoice 1 with a new 3-D Secure card: saved, waiting for verification.
		String firstBlade = blade(admin, first);
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, first).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(firstBlade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Avery Chen")
				.param("newCard.number", VERIFY_CARD)
				.param("newCard.expiryMonth", "12")
				.param("newCard.expiryYear", "2031")
				.param("newCard.cvc", "123")
				.param("newCard.country", "US")
				.param("newCard.postalCode", "98052"))
			.andExpect(redirectedUrlPattern("/billing/accounts/1/payments/*/verify"));
		long card = this.demo.jdbc()
			.queryForObject("select id from credit_card where last_four = '3184' and status = 'ACTIVE'", Long.class);
		String firstPayment = reference(first);

		// Invoice 2 with the saved card, verified: paid.
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, second).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade(admin, second)))
				.param("paymentMethod", String.valueOf(card)))
			.andExpect(redirectedUrlPattern("/billing/accounts/1/payments/*/verify"));
		verify(admin, reference(second), "complete");
		assertThat(this.demo.invoiceStatus(second)).isEqualTo("PAID");

		// The first attempt's verification fails: that payment fails, the card stays.
		verify(admin, firstPayment, "fail");
		assertThat(this.demo.paymentStatuses(first)).endsWith("FAILED");
		assertThat(this.demo.invoiceStatus(first)).isEqualTo("DUE");
		assertThat(this.demo.jdbc().queryForObject("select status from credit_card where id = ?", String.class, card))
			.isEqualTo("ACTIVE");
	}

	@Test
	void aCardSavedOnlyByAFailedAttemptIsNotKept() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		var payable = this.demo.payableInvoices(CONTOSO);
		String number = payable.get(payable.size() - 1);
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade(admin, number)))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Avery Chen")
				.param("newCard.number", "4000 0027 6000 3184")
				.param("newCard.expiryMonth", "12")
				.param("newCard.expiryYear", "2031")
				.param("newCard.cvc", "123")
				.param("newCard.country", "US")
				.param("newCard.postalCode", "98052"))
			.andExpect(redirectedUrlPattern("/billing/accounts/1/payments/*/verify"));
		verify(admin, reference(number), "fail");
		assertThat(this.demo.jdbc()
			.queryForObject("select count(*) from credit_card where last_four = '3184' and status = 'ACTIVE'", Integer.class))
			.isZero();
	}

	private String reference(String invoice) {
		return this.demo.jdbc()
			.queryForObject("select p.payment_ref from payment p join invoice i on i.id = p.invoice_id"
					+ " where i.invoice_number = ? order by p.id desc limit 1", String.class, invoice);
	}

	private void verify(PortalUser admin, String reference, String decision) throws Exception {
		this.mvc.perform(post("/billing/accounts/{id}/payments/{p}/verify", CONTOSO, reference).with(user(admin))
			.with(csrf())
			.param("decision", decision));
	}

	private String blade(PortalUser admin, String number) throws Exception {
		return this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
