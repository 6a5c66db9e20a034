package com.billingportal.api;

import java.time.LocalDate;
import java.util.UUID;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of /api/v1 through MockMvc with the demo key: authentication, validation as
 * problem details, idempotent issue, conflicts, tenant scoping, the payments feed, the rate limit.
 */
@PortalTest
class ApiTest {

	static final String DEMO_KEY = "bp_demo_contoso_erp_public_demo_key_2026";

	static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	ApiKeys keys;

	@Autowired
	ApiRateLimiter limiter;

	@Autowired
	com.billingportal.payment.PaymentService payments;

	/** Contoso's admin pays the invoice with the saved Visa; the payment's reference. */
	String pay(String number) {
		var payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number, UUID.randomUUID().toString(),
				this.demo.visa(), null);
		assertThat(payment.status().name()).isEqualTo("SUCCEEDED");
		return payment.reference();
	}

	@BeforeEach
	void freshBuckets() {
		this.limiter.reset();
	}

	static MockHttpServletRequestBuilder as(String key, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON);
	}

	ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(as(DEMO_KEY, request));
	}

	static String invoiceBody(String number, long profileId, String amount) {
		LocalDate today = LocalDate.now();
		return """
				{"number":"%s","account":"contoso","billingProfileId":%d,"invoiceDate":"%s","periodStart":"%s",
				 "periodEnd":"%s","dueDate":"%s","currency":"USD","tax":"1.00",
				 "lines":[{"service":"Compute","description":"Virtual machines","quantity":"10","unit":"Hours",
				           "unitPrice":"%s","amount":"%s"}]}"""
			.formatted(number, profileId, today, today.minusMonths(1), today.minusDays(1), today.plusDays(30), amount,
					new java.math.BigDecimal(amount).multiply(java.math.BigDecimal.TEN).setScale(2));
	}

	long contosoProfile() {
		return this.demo.profileId("Contoso Billing");
	}

	@Test
	void withoutAKeyOrWithAWrongOneTheAnswerIs401AsAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/payments"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(as("bp_wrong", get("/api/v1/payments"))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/payments").header("Authorization", "Basic " + DEMO_KEY))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedKeyIs401AndANewKeyWorksUntilRevoked() throws Exception {
		ApiKeys.NewKey key = this.keys.create("demo-erp");
		assertThat(key.toString()).doesNotContain(key.secret());
		this.mvc.perform(as(key.secret(), get("/api/v1/payments"))).andExpect(status().isOk());
		assertThat(this.keys.revoke(key.prefix())).hasSize(1);
		this.mvc.perform(as(key.secret(), get("/api/v1/payments"))).andExpect(status().isUnauthorized());
		assertThat(this.demo.jdbc().queryForObject("select count(*) from api_key where key_hash like ?", Long.class,
				"%" + key.secret() + "%")).isZero();
	}

	@Test
	void aSignedInBrowserSessionDoesNotOpenTheApi() throws Exception {
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.userParameter("email")
				.user(DemoData.CONTOSO_ADMIN)
				.password(DemoData.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		this.mvc.perform(get("/billing/accounts/" + this.demo.contoso()).cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/payments").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void anInvoiceIsIssuedOnceAndTheSameRequestAgainAnswersIt() throws Exception {
		String body = invoiceBody("API0000001", contosoProfile(), "12.50");
		call(post("/api/v1/invoices").content(body)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("API0000001"))
			.andExpect(jsonPath("$.amountDue").value("126.00"))
			.andExpect(jsonPath("$.status").value("DUE"))
			.andExpect(jsonPath("$.lines", hasSize(1)));
		call(post("/api/v1/invoices").content(body)).andExpect(status().isOk())
			.andExpect(jsonPath("$.amountDue").value("126.00"));
		assertThat(this.demo.jdbc().queryForObject("select count(*) from invoice where invoice_number = 'API0000001'",
				Long.class)).isEqualTo(1);
		call(post("/api/v1/invoices").content(invoiceBody("API0000001", contosoProfile(), "12.60")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		// A number the demo data already uses is not this request's either.
		call(post("/api/v1/invoices").content(invoiceBody(this.demo.dueInvoice(this.demo.contoso()), contosoProfile(), "1.00")))
			.andExpect(status().isConflict());
	}

	@Test
	void invalidInputIsAProblemNamingTheFields() throws Exception {
		call(post("/api/v1/invoices").content("{\"number\":\"bad number\",\"lines\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.errors[?(@.field == 'number')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'lines')]").exists())
			.andExpect(content().string(not(containsString("Exception"))));
		String wrongAmount = invoiceBody("API0000002", contosoProfile(), "12.50").replace("\"125.00\"", "\"125.01\"");
		call(post("/api/v1/invoices").content(wrongAmount)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].amount"));
		String tooPrecise = invoiceBody("API0000002", contosoProfile(), "12.50").replace("\"1.00\"", "\"1.001\"");
		call(post("/api/v1/invoices").content(tooPrecise)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tax"));
		call(post("/api/v1/invoices").content("{not json")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		String euros = invoiceBody("API0000002", contosoProfile(), "12.50").replace("\"USD\"", "\"EUR\"");
		call(post("/api/v1/invoices").content(euros)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("currency"));
		call(get("/api/v1/nothing-here")).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/invoices"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(header().exists("Allow"));
	}

	@Test
	void aKeyReachesOnlyItsClientsAccounts() throws Exception {
		String northwind = this.demo.jdbc().queryForObject(
				"select min(invoice_number) from invoice where billing_account_id = ?", String.class, this.demo.northwind());
		call(get("/api/v1/invoices/" + northwind)).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		String contosoInvoice = this.demo.dueInvoice(this.demo.contoso());
		call(get("/api/v1/invoices/" + contosoInvoice)).andExpect(status().isOk())
			.andExpect(jsonPath("$.account").value("contoso"));
		String other = this.keys.create("other-erp").secret();
		this.mvc.perform(as(other, get("/api/v1/invoices/" + contosoInvoice))).andExpect(status().isNotFound());
		this.mvc.perform(as(other, post("/api/v1/invoices/" + contosoInvoice + "/void"))).andExpect(status().isNotFound());
		this.mvc.perform(as(other, get("/api/v1/accounts/contoso/billing-profiles"))).andExpect(status().isNotFound());
		this.mvc.perform(as(other, post("/api/v1/invoices").content(invoiceBody("API0000003", contosoProfile(), "1.00"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(other, get("/api/v1/payments"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.data", hasSize(0)));
		String reference = this.demo.paymentReference(this.demo.contoso());
		this.mvc.perform(as(other, post("/api/v1/payments/" + reference + "/refunds").header("Idempotency-Key", "k-12345678")))
			.andExpect(status().isNotFound());
	}

	@Test
	void accountsAreUpsertedUnderTheClientsIdWithAnAdminWhoSignsIn() throws Exception {
		String body = """
				{"name":"Tailspin Toys","agreementType":"MICROSOFT_CUSTOMER_AGREEMENT","currency":"GBP",
				 "adminEmail":"Admin@Northwind.com","soldTo":{"company":"Tailspin Toys","line1":"1 High St",
				 "city":"London","postalCode":"N1 1AA","country":"GB"}}""";
		call(put("/api/v1/accounts/tailspin").content(body)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value("tailspin"))
			.andExpect(jsonPath("$.adminEmail").value("admin@northwind.com"));
		call(put("/api/v1/accounts/tailspin").content(body.replace("Tailspin Toys\",\"agreement", "Tailspin Ltd\",\"agreement")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Tailspin Ltd"));
		call(get("/api/v1/accounts/tailspin/billing-profiles")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].currency").value("GBP"));
		call(post("/api/v1/accounts/tailspin/billing-profiles").content("""
				{"name":"Tailspin EU","currency":"EUR","billTo":{"company":"Tailspin Toys","country":"IE"}}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.currency").value("EUR"));
		call(put("/api/v1/accounts/tailspin").content(body.replace("Admin@Northwind.com", "admin@fabrikam.com")))
			.andExpect(status().isConflict());
		// An address the portal refuses (a zero-width space in it); a new address is invited (AdminInvitationTest).
		call(put("/api/v1/accounts/nobody").content(body.replace("Admin@Northwind.com", "nobody@exam\u200bple.com")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("adminEmail"));
		// The admin sees the new account in the portal.
		long accountId = this.demo.accountId("Tailspin Ltd");
		this.mvc.perform(get("/billing/accounts/" + accountId + "/invoices").with(user(this.demo.user(DemoData.NORTHWIND_ADMIN))))
			.andExpect(status().isOk());
	}

	@Test
	void aDueInvoiceIsVoidedAndAPaidOneIsNot() throws Exception {
		call(post("/api/v1/invoices").content(invoiceBody("API0000004", contosoProfile(), "2.00")))
			.andExpect(status().isCreated());
		call(post("/api/v1/invoices/API0000004/void")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VOID"));
		call(post("/api/v1/invoices/API0000004/void")).andExpect(status().isOk());
		String paid = this.demo.invoiceInState(this.demo.contoso(), "PAID");
		call(post("/api/v1/invoices/" + paid + "/void")).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
	}

	@Test
	void paymentsAreListedOnceEachSinceTheCursor() throws Exception {
		String first = call(get("/api/v1/payments?limit=500")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String cursor = com.jayway.jsonpath.JsonPath.read(first, "$.nextCursor");
		call(get("/api/v1/payments?cursor=" + cursor)).andExpect(jsonPath("$.data", hasSize(0)))
			.andExpect(jsonPath("$.nextCursor").value(cursor));
		String number = this.demo.newDueInvoice();
		var payment = pay(number);
		call(get("/api/v1/payments?cursor=" + cursor)).andExpect(jsonPath("$.data", hasSize(1)))
			.andExpect(jsonPath("$.data[0].id").value(payment))
			.andExpect(jsonPath("$.data[0].invoice").value(number))
			.andExpect(jsonPath("$.data[0].status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.data[0].amount").value("106.00"));
		call(get("/api/v1/payments?cursor=abc")).andExpect(status().isBadRequest());
		call(get("/api/v1/payments?limit=0")).andExpect(status().isBadRequest());
	}

	@Test
	void tooManyRequestsOfOneKeyAre429WithRetryAfter() throws Exception {
		int allowed = 0;
		ResultActions last = null;
		for (int i = 0; i < 400; i++) {
			last = call(get("/api/v1/accounts/contoso/billing-profiles"));
			if (last.andReturn().getResponse().getStatus() != 200) {
				break;
			}
			allowed++;
		}
		// 120 at once, and what the bucket refilled meanwhile (2 a second).
		assertThat(allowed).isGreaterThanOrEqualTo(120);
		last.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		// Another key has its own bucket.
		this.mvc.perform(as(this.keys.create("demo-erp").secret(), get("/api/v1/payments"))).andExpect(status().isOk());
	}

	@Test
	void aRefundNeedsAnIdempotencyKeyAndNeverExceedsThePayment() throws Exception {
		String number = this.demo.newDueInvoice();
		String payment = pay(number);
		String url = "/api/v1/payments/" + payment + "/refunds";
		call(post(url).content("{\"amount\":\"6.00\"}")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		call(post(url).header("Idempotency-Key", "refund-0001").content("{\"amount\":\"6.00\",\"reason\":\"credit\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.amount").value("6.00"));
		call(post(url).header("Idempotency-Key", "refund-0001").content("{\"amount\":\"6.00\"}"))
			.andExpect(status().isOk());
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
		call(get("/api/v1/invoices/" + number)).andExpect(jsonPath("$.balanceDue").value("6.00"))
			.andExpect(jsonPath("$.payments[0].refunded").value("6.00"));
		call(post(url).header("Idempotency-Key", "refund-0002").content("{\"amount\":\"100.01\"}"))
			.andExpect(status().isConflict());
		call(post(url).header("Idempotency-Key", "refund-0003").content("{\"amount\":\"1.001\"}"))
			.andExpect(status().isBadRequest());
		call(post(url).header("Idempotency-Key", "refund-0004")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value("100.00"));
		call(get("/api/v1/invoices/" + number)).andExpect(jsonPath("$.balanceDue").value("106.00"))
			.andExpect(jsonPath("$.status").value("DUE"));
		call(post(url).header("Idempotency-Key", "refund-0005")).andExpect(status().isConflict());
		assertThat(this.demo.jdbc().queryForObject("select sum(amount) from sandbox_refund where status = 'SUCCEEDED' "
				+ "and charge_key = ?", java.math.BigDecimal.class, payment)).isEqualByComparingTo("106.00");
		assertThat(UUID.fromString(payment)).isNotNull();
	}


	@Test
	void aRefundOfANegativeOrZeroAmountIsAnInvalidAmountNotAConflict() throws Exception {
		String number = this.demo.newDueInvoice();
		String payment = pay(number);
		String url = "/api/v1/payments/" + payment + "/refunds";
		int i = 0;
		for (String amount : new String[] { "-1.00", "0", "0.00", "-0.01" }) {
			call(post(url).header("Idempotency-Key", "refund-not-positive-" + i++)
				.content("{\"amount\":\"" + amount + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(PROBLEM))
				.andExpect(jsonPath("$.errors[0].field").value("amount"))
				.andExpect(jsonPath("$.errors[0].reason").value("must be more than zero"));
		}
		assertThat(this.demo.jdbc().queryForObject("select count(*) from refund r join payment p on p.id = r.payment_id "
				+ "where p.payment_ref = ?", Integer.class, payment)).isZero();
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
	}

}
