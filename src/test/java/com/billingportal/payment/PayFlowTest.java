package com.billingportal.payment;

import com.billingportal.support.DemoData;
import com.billingportal.support.Html;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/** The seven steps of the product, as the billing account admin, through the web layer. */
@PortalTest
class PayFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	SqlStatements statements;

	@Autowired
	PaymentService payments;

	@Test
	void theAdminFindsBillingPaysAnInvoiceWithANewCardAndSeesItPaid() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.pastDueInvoice(CONTOSO);

		// 2. Search on Cost Management + Billing.
		this.mvc.perform(get("/search").param("q", "cost").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/billing\"")))
			.andExpect(content().string(containsString("Cost Management + Billing")));
		this.mvc.perform(get("/billing").with(user(admin))).andExpect(redirectedUrl("/billing/accounts/" + CONTOSO));
		this.mvc.perform(get("/billing/accounts/{id}", CONTOSO).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Contoso Ltd")))
			.andExpect(content().string(containsString("Microsoft Customer Agreement")));

		// 3-4. Invoices in the left pane: a blue Pay now on the past-due invoice.
		String list = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Html.invoiceStatus(list, number)).isEqualTo("Past due");
		assertThat(Html.invoiceRow(list, number)).contains("class=\"pay-now\"")
			.contains("/billing/accounts/1/invoices/" + number + "/pay");

		// 5. The blade: Select a payment method, saved cards and Add a new payment method.
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(blade).contains("Select a payment method", "Add a new payment method", "•••• 4242", "•••• 4444");
		assertThat(blade).containsPattern("id=\"card-\\d+\" value=\"\\d+\" disabled=\"disabled\"");

		// 6. Pay now with a new card.
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Avery Chen")
				.param("newCard.number", "5105 1051 0510 5100")
				.param("newCard.expiryMonth", "8")
				.param("newCard.expiryYear", "2031")
				.param("newCard.cvc", "321")
				.param("newCard.country", "US")
				.param("newCard.postalCode", "98052")
				.param("newCard.makeDefault", "true"))
			.andExpect(redirectedUrl("/billing/accounts/1/invoices"))
			.andExpect(flash().attributeExists("flash"));

		// 7. The status is Paid in the invoices blade.
		String after = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Html.invoiceStatus(after, number)).isEqualTo("Paid");
		assertThat(Html.invoiceRow(after, number)).doesNotContain("pay-now");

		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
		assertThat(this.demo.paymentStatuses(number)).endsWith("SUCCEEDED");
		assertThat(this.demo.succeededGatewayCharges(number)).isEqualTo(1);
		assertThat(this.demo.auditActions("Payment")).contains("PAYMENT_PENDING", "PAYMENT_SUCCEEDED");
		assertThat(this.demo.auditActions("CreditCard")).contains("CARD_ADDED", "CARD_MADE_DEFAULT");
		assertThat(this.demo.jdbc()
			.queryForObject("select count(*) from credit_card where last_four = '5100' and brand = 'MASTERCARD'",
					Integer.class))
			.isEqualTo(1);
	}

	@Test
	void theAdminPaysWithTheSavedDefaultCard() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.payableInvoices(CONTOSO).get(0);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		MvcResult result = this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(redirectedUrl("/billing/accounts/1/invoices"))
			.andReturn();
		assertThat(result.getFlashMap().get("flash")).hasToString(
				"Flash[kind=success, messageKey=pay.success, argument=" + number + "]");
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
	}

	@Test
	void theAmountComesFromTheInvoiceNotFromTheBrowser() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.payableInvoices(CONTOSO).get(1);
		String blade = this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Since "Pay another amount" (issue 13) an amount may be posted, but only a part the server's
		// rule allows (PartPayment.isOffered: for an invoice above the card limit, after a decline or
		// partly paid; then at least the minimum, at most the balance) in the invoice's own currency.
		// After a declined payment a part of this ordinary Due invoice is allowed, so what refuses the
		// cent is the minimum, not the rule; the posted JPY is ignored, and nothing is charged.
		Payment declined = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				java.util.UUID.randomUUID().toString(), null, DemoData.newCard("4000000000000002"));
		assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
		int chargesBefore = this.demo.gatewayCharges(number);
		this.mvc.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
			.with(csrf())
			.param("idempotencyKey", Html.idempotencyKey(blade))
			.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO)))
			.param("amount", "0.01")
			.param("currency", "JPY"))
			.andExpect(content().string(containsString("The amount is below the minimum shown under the field.")));
		assertThat(this.demo.gatewayCharges(number)).isEqualTo(chargesBefore);
		this.mvc.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
			.with(csrf())
			.param("idempotencyKey", java.util.UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO)))
			.param("currency", "JPY"));
		var row = this.demo.jdbc()
			.queryForMap("select p.amount, p.currency, i.amount_due from payment p join invoice i on i.id = p.invoice_id"
					+ " where i.invoice_number = ? and p.status = 'SUCCEEDED'", number);
		assertThat(row.get("CURRENCY")).isEqualTo("USD");
		assertThat((java.math.BigDecimal) row.get("AMOUNT")).isEqualByComparingTo((java.math.BigDecimal) row.get("AMOUNT_DUE"));
	}

	@Test
	void theInvoicesListIsPagedInSqlWithoutNPlusOneQueries() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		this.statements.reset();
		String page = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long fullPage = this.statements.count();
		assertThat(page.split("data-invoice=").length - 1).isEqualTo(10);
		assertThat(page).contains("Page 1 of 2 (15 invoices)");

		this.statements.reset();
		this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).param("status", "VOID").with(user(admin)))
			.andExpect(status().isOk());
		long onePage = this.statements.count();

		assertThat(fullPage).as("statements for a page of 10 invoices: access, rows, count, profiles").isLessThanOrEqualTo(4 + SqlStatements.GENERIC_PLANS_SET);
		assertThat(onePage).as("statements for one invoice").isLessThanOrEqualTo(fullPage);

		String second = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).param("page", "1").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second.split("data-invoice=").length - 1).isEqualTo(5);
	}

	@Test
	void aboveTheCardLimitTheListSaysPayByWireTransferAndThePayIsRefused() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.aboveCardLimitInvoice(CONTOSO);
		String list = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Html.invoiceRow(list, number)).contains("Pay by wire transfer").doesNotContain("pay-now");
		// Since "Pay another amount" (issue 13) the blade opens to pay a part up to the card limit;
		// paying the whole invoice by card is still refused.
		this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"pay-part\"")))
			.andExpect(content().string(containsString("This invoice is above the card limit")));
		this.mvc.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
			.with(csrf())
			.param("idempotencyKey", java.util.UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("above the card limit")));
		assertThat(this.demo.gatewayCharges(number)).isZero();
		assertThat(this.demo.jdbc()
			.queryForList("select detail from audit_event where action = 'PAYMENT_REFUSED' and object_id = ?",
					String.class, number))
			.contains("pay.refused.aboveCardLimit");
	}
}
