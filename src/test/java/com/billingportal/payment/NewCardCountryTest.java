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

/**
 * The new card's country select, whose options are written once per language
 * ({@code portal.CountryList.Options}): the country typed is still chosen when the blade comes back
 * with a message, and the field keeps the name the form posts.
 */
@PortalTest
class NewCardCountryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void theBladeBackWithAMessageKeepsTheCountryChosen() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.payableInvoices(CONTOSO).get(0);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(blade).contains("id=\"newCard.country\" name=\"newCard.country\"")
			.contains("<option value=\"DE\">Germany</option>");

		String again = this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Avery Chen")
				.param("newCard.number", "4242 4242 4242 4241")
				.param("newCard.expiryMonth", "12")
				.param("newCard.expiryYear", "2031")
				.param("newCard.cvc", "123")
				.param("newCard.country", "DE")
				.param("newCard.postalCode", "10115"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("<option value=\"DE\" selected=\"selected\">Germany</option>")
			.containsOnlyOnce("<option value=\"DE\"")
			.doesNotContain("<option value=\"US\" selected=\"selected\">");
		assertThat(this.demo.invoiceStatus(number)).isNotEqualTo("PAID");
	}

}
