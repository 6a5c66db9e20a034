package com.billingportal.payment;

import java.util.UUID;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.billingportal.support.DemoData.CONTOSO;
import static com.billingportal.support.DemoData.NORTHWIND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Only the billing account admin pays; other tenants do not even see the invoice. */
@PortalTest
class PayAccessTest {

	static final String NOT_ADMIN = "You must be the billing account admin to pay invoices. The billing account admin is "
			+ "the user who originally signed up for the Microsoft Customer Agreement account.";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@ParameterizedTest
	@ValueSource(strings = { "reader@contoso.com", "contributor@contoso.com" })
	void readersAndContributorsSeeInvoicesButCannotPay(String email) throws Exception {
		PortalUser viewer = this.demo.user(email);
		String number = this.demo.pastDueInvoice(CONTOSO);
		long paymentsBefore = this.demo.count("payment");
		long chargesBefore = this.demo.count("sandbox_charge");

		this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(not(containsString("class=\"pay-now\""))));
		this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(viewer)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString(NOT_ADMIN)));
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(viewer))
				.with(csrf())
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString(NOT_ADMIN)));

		assertThat(this.demo.count("payment")).isEqualTo(paymentsBefore);
		assertThat(this.demo.count("sandbox_charge")).isEqualTo(chargesBefore);
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
	}

	@Test
	void anotherTenantsInvoiceIsNotFoundAndNothingIsCharged() throws Exception {
		PortalUser fabrikam = this.demo.user("admin@fabrikam.com");
		String number = this.demo.pastDueInvoice(CONTOSO);
		long chargesBefore = this.demo.count("sandbox_charge");
		this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(fabrikam)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(number))));
		this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(fabrikam)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(fabrikam))
				.with(csrf())
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().isNotFound());
		// Fabrikam's own account, with Contoso's invoice number and card id: still not found.
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", DemoData.FABRIKAM, number).with(user(fabrikam))
				.with(csrf())
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/search").param("q", number).with(user(fabrikam)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/invoices/" + number))));
		assertThat(this.demo.count("sandbox_charge")).isEqualTo(chargesBefore);
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
	}

	@Test
	void aSavedCardOfAnotherAccountCannotBeUsed() throws Exception {
		PortalUser fabrikam = this.demo.user("admin@fabrikam.com");
		String number = this.demo.pastDueInvoice(DemoData.FABRIKAM);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", DemoData.FABRIKAM, number)
			.with(user(fabrikam))).andReturn().getResponse().getContentAsString();
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", DemoData.FABRIKAM, number).with(user(fabrikam))
				.with(csrf())
				.param("idempotencyKey", com.billingportal.support.Html.idempotencyKey(blade))
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().isNotFound());
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
	}

	@Test
	void aPayAsYouGoAccountHasNoPayNow() throws Exception {
		PortalUser northwind = this.demo.user("admin@northwind.com");
		String number = this.demo.pastDueInvoice(NORTHWIND);
		this.mvc.perform(get("/billing/accounts/{id}/invoices", NORTHWIND).with(user(northwind)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(not(containsString("class=\"pay-now\""))));
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", NORTHWIND, number).with(user(northwind))
				.with(csrf())
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("paymentMethod", "new"))
			.andExpect(status().isForbidden());
	}

	@Test
	void payingWithoutACsrfTokenIsRefused() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.pastDueInvoice(CONTOSO);
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().isForbidden());
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/login"));
	}

}
