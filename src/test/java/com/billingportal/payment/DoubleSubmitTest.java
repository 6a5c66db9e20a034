package com.billingportal.payment;

import com.billingportal.support.DemoData;
import com.billingportal.support.Html;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The same Pay now form posted twice (double click, back button, retry) charges once. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class DoubleSubmitTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void theSameFormTwiceFindsTheFirstPaymentAndChargesOnce(CapturedOutput output) throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.pastDueInvoice(CONTOSO);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = Html.idempotencyKey(blade);
		var before = new java.util.ArrayList<>(this.demo.paymentStatuses(number));
		before.add("SUCCEEDED");

		for (int i = 0; i < 3; i++) {
			this.mvc.perform(payWith4242(admin, number, key))
				.andExpect(redirectedUrl("/billing/accounts/1/invoices"))
				.andExpect(flash().attribute("flash",
						new com.billingportal.portal.Flash("success", "pay.success", number)));
		}

		assertThat(this.demo.paymentStatuses(number)).as("one new payment").isEqualTo(before);
		assertThat(this.demo.gatewayCharges(number)).isEqualTo(1);
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");

		// A new form for the paid invoice (a second tab opened before paying) is refused, uncharged.
		this.mvc.perform(payWith4242(admin, number, java.util.UUID.randomUUID().toString()))
			.andExpect(redirectedUrl("/billing/accounts/1/invoices"))
			.andExpect(flash().attribute("flash",
					new com.billingportal.portal.Flash("info", "pay.refused.alreadyPaid", number)));
		assertThat(this.demo.gatewayCharges(number)).isEqualTo(1);

		String list = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain("4242424242424242").doesNotContain("4242 4242 4242 4242");
		assertThat(output.getAll()).doesNotContain("4242424242424242").doesNotContain("4242 4242 4242 4242");
	}

	@Test
	void aKeyUsedForOneInvoiceCannotPayAnother() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		var payable = this.demo.payableInvoices(CONTOSO);
		String first = payable.get(0);
		String second = payable.get(1);
		String key = java.util.UUID.randomUUID().toString();
		this.mvc.perform(payWith4242(admin, first, key)).andExpect(redirectedUrl("/billing/accounts/1/invoices"));
		String page = this.mvc.perform(payWith4242(admin, second, key)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("This payment form is out of date");
		assertThat(this.demo.paymentStatuses(second)).isEmpty();
	}

	private MockHttpServletRequestBuilder payWith4242(PortalUser admin, String number, String key) {
		return post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
			.with(csrf())
			.param("idempotencyKey", key)
			.param("paymentMethod", "new")
			.param("newCard.holderName", "Avery Chen")
			.param("newCard.number", "4242 4242 4242 4242")
			.param("newCard.expiryMonth", "12")
			.param("newCard.expiryYear", "2031")
			.param("newCard.cvc", "123")
			.param("newCard.country", "US")
			.param("newCard.postalCode", "98052");
	}

}
