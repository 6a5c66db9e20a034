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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A saved card typed again in the blade is charged, not saved twice, and not edited by the payment. */
@PortalTest
class SavedCardRetypedTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void typingASavedCardAgainChargesItWithoutChangingTheSavedCard() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.payableInvoices(CONTOSO).get(0);
		long visa = this.demo.defaultCard(CONTOSO);
		var before = this.demo.jdbc().queryForMap("select holder_name, expiry_month, expiry_year, gateway_token, version"
				+ " from credit_card where id = ?", visa);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Somebody Else")
				.param("newCard.number", "4242 4242 4242 4242")
				.param("newCard.expiryMonth", "1")
				.param("newCard.expiryYear", "2035")
				.param("newCard.cvc", "123")
				.param("newCard.country", "US")
				.param("newCard.postalCode", "98052"))
			.andExpect(redirectedUrl("/billing/accounts/1/invoices"));
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
		assertThat(this.demo.jdbc().queryForMap("select holder_name, expiry_month, expiry_year, gateway_token, version"
				+ " from credit_card where id = ?", visa)).isEqualTo(before);
		assertThat(this.demo.jdbc().queryForObject("select count(*) from credit_card where last_four = '4242'"
				+ " and billing_account_id = 1", Integer.class)).isEqualTo(1);
		assertThat(this.demo.jdbc().queryForObject("select card_id from payment p join invoice i on i.id = p.invoice_id"
				+ " where i.invoice_number = ? and p.status = 'SUCCEEDED'", Long.class, number)).isEqualTo(visa);
	}

}
