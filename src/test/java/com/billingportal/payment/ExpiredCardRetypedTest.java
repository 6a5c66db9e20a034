package com.billingportal.payment;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

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

/**
 * Contoso's Mastercard ending 4444 has expired. Typed again in the blade with its new expiry and
 * "make default" ticked, it is the renewed card that pays and becomes the default, never the
 * expired one.
 */
@PortalTest
class ExpiredCardRetypedTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void theRenewedCardPaysAndBecomesTheDefaultWithItsNewExpiry() throws Exception {
		PortalUser admin = this.demo.user(DemoData.CONTOSO_ADMIN);
		long expired = this.demo.expiredCard(CONTOSO);
		String tokenBefore = this.demo.jdbc()
			.queryForObject("select gateway_token from credit_card where id = ?", String.class, expired);
		String invoice = this.demo.payableInvoices(CONTOSO).get(0);
		long profile = this.demo.jdbc()
			.queryForObject("select billing_profile_id from invoice where invoice_number = ?", Long.class, invoice);
		YearMonth renewed = YearMonth.now().plusYears(4).withMonth(12);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, invoice).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, invoice).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Avery Chen")
				.param("newCard.number", "5555 5555 5555 4444")
				.param("newCard.expiryMonth", "12")
				.param("newCard.expiryYear", String.valueOf(renewed.getYear()))
				.param("newCard.cvc", "123")
				.param("newCard.country", "US")
				.param("newCard.postalCode", "98052")
				.param("newCard.makeDefault", "true"))
			.andExpect(redirectedUrl("/billing/accounts/1/invoices"));

		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		long defaultCard = this.demo.jdbc()
			.queryForObject("select default_card_id from billing_profile where id = ?", Long.class, profile);
		var card = this.demo.jdbc()
			.queryForMap("select last_four, expiry_month, expiry_year, gateway_token, status from credit_card where id = ?",
					defaultCard);
		assertThat(card.get("last_four")).isEqualTo("4444");
		assertThat(YearMonth.of(((Number) card.get("expiry_year")).intValue(),
				((Number) card.get("expiry_month")).intValue()))
			.as("the profile's default has not expired")
			.isEqualTo(renewed);
		assertThat(card.get("gateway_token")).as("the new token charges it from now on").isNotEqualTo(tokenBefore);
		assertThat(this.demo.count("credit_card where billing_account_id = 1 and last_four = '4444' and status = 'ACTIVE'"))
			.as("one Mastercard ending 4444, not an expired one beside a new one")
			.isOne();
		assertThat(this.demo.auditActions("CreditCard")).contains("CARD_RENEWED", "CARD_MADE_DEFAULT");

		String page = this.mvc
			.perform(get("/billing/accounts/{id}/payment-methods?profile={p}", CONTOSO, profile).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String defaultSection = page.substring(page.indexOf("id=\"default-method\""), page.indexOf("</section>",
				page.indexOf("id=\"default-method\"")));
		assertThat(defaultSection).contains("Mastercard", "•••• 4444", "Expires 12/" + renewed.getYear());
	}

}
