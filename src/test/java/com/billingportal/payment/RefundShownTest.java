package com.billingportal.payment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.billingportal.money.Money;
import com.billingportal.support.DemoData;
import com.billingportal.support.FaultyGateway;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Refunded" and "Partially refunded" where a payment is shown: its receipt (page and PDF), the
 * invoice's detail page and PDF, in English and Chinese; for a payment of several invoices, what
 * each invoice got back; a refund whose answer has not come yet shows nothing refunded.
 */
@PortalTest
class RefundShownTest {

	@Autowired
	PaymentService payments;

	@Autowired
	RefundService refunds;

	@Autowired
	FaultyGateway gateway;

	@Autowired
	DemoData demo;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void tearDown() {
		this.gateway.fail(FaultyGateway.Fault.NONE);
	}

	private String base() {
		return "/billing/accounts/" + this.demo.contoso();
	}

	private org.springframework.test.web.servlet.MvcResult fetch(String url, String language) throws Exception {
		return this.mvc.perform(get(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))
			.header("Accept-Language", language)).andExpect(status().isOk()).andReturn();
	}

	private String page(String url) throws Exception {
		return fetch(url, "en").getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String pdf(String url, String language) throws Exception {
		return Pdfs.text(fetch(url, language).getResponse().getContentAsByteArray());
	}

	private Payment paid(String number) {
		return this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number, UUID.randomUUID().toString(),
				this.demo.visa(), null);
	}

	@Test
	void theReceiptAndTheInvoiceShowTheRefundInTheirPdfsInBothLanguages() throws Exception {
		String number = this.demo.newDueInvoice();
		Payment payment = paid(number);
		this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("6.00", "USD"), "shown-1", null,
				this.demo.admin());
		String receipt = base() + "/payments/" + payment.reference() + "/receipt";
		String invoice = base() + "/invoices/" + number;

		assertThat(page(receipt)).contains("Partially refunded ($6.00)");
		assertThat(page(invoice)).contains("Partially refunded ($6.00)");
		assertThat(pdf(receipt + ".pdf", "en")).contains("Partially refunded ($6.00)");
		assertThat(pdf(invoice + "/pdf", "en")).contains("Partially refunded ($6.00)");
		assertThat(pdf(receipt + ".pdf", "zh-CN")).contains("部分退款").contains("6.00");
		assertThat(pdf(invoice + "/pdf", "zh-CN")).contains("部分退款").contains("6.00");

		this.refunds.refund(this.demo.contoso(), payment.reference(), null, "shown-2", null, this.demo.admin());

		assertThat(pdf(receipt + ".pdf", "en")).contains("Refunded ($106.00)").doesNotContain("Partially");
		assertThat(pdf(invoice + "/pdf", "en")).contains("Refunded ($106.00)");
		assertThat(pdf(receipt + ".pdf", "zh-CN")).contains("已退款").contains("106.00");
		assertThat(pdf(invoice + "/pdf", "zh-CN")).contains("已退款").contains("106.00");
	}

	@Test
	void eachInvoiceOfAPaymentOfSeveralShowsWhatItGotBack() throws Exception {
		List<String> n = List.of(this.demo.newDueInvoice(), this.demo.newDueInvoice(), this.demo.newDueInvoice());
		Payment payment = this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), n,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("150.00", "USD"), "shown-3", null,
				this.demo.admin());

		assertThat(page(base() + "/invoices/" + n.get(2))).contains("Refunded ($106.00)");
		assertThat(page(base() + "/invoices/" + n.get(1))).contains("Partially refunded ($44.00)");
		assertThat(page(base() + "/invoices/" + n.get(0))).doesNotContain("refund-state");
		assertThat(pdf(base() + "/invoices/" + n.get(1) + "/pdf", "en")).contains("Partially refunded ($44.00)");
		// The receipt is the payment's: what was refunded of it in all.
		assertThat(page(base() + "/payments/" + payment.reference() + "/receipt")).contains("Partially refunded ($150.00)");
	}

	@Test
	void aRefundWhoseAnswerHasNotComeShowsNothingRefundedYet() throws Exception {
		String number = this.demo.newDueInvoice();
		Payment payment = paid(number);
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);
		this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("6.00", "USD"), "shown-4", null,
				this.demo.admin());

		String list = page(base() + "/payments");
		String row = list.substring(list.indexOf("id=\"payment-" + payment.reference() + "\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).doesNotContain("refund-state");
		for (String url : List.of(base() + "/payments/" + payment.reference() + "/receipt", base() + "/invoices/" + number)) {
			assertThat(page(url)).as(url).doesNotContain("refund-state");
		}
	}

}
