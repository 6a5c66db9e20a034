package com.billingportal.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.billingportal.portal.Flash;
import com.billingportal.support.DemoData;
import com.billingportal.support.FaultyGateway;
import com.billingportal.support.MutableClock;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Pay another amount": a part of the balance between the minimum and the balance (and the card
 * limit), its own payment and receipt; the invoice Partially paid with its balance due until the
 * balance is zero, then Paid.
 */
@PortalTest
class PartialPaymentTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentReconciler reconciler;

	@Autowired
	FaultyGateway gateway;

	@Autowired
	MutableClock clock;

	@AfterEach
	void tearDown() {
		this.gateway.fail(FaultyGateway.Fault.NONE);
		this.clock.reset();
	}

	String invoice(String currency, String amount) {
		String number = "P" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		LocalDate today = LocalDate.now();
		this.demo.jdbc()
			.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
					+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'DUE', 0)", number, this.demo.contoso(),
					this.demo.profileId("Contoso Billing"), Date.valueOf(today), Date.valueOf(today.minusMonths(1)),
					Date.valueOf(today.minusDays(1)), Date.valueOf(today.plusDays(20)), new BigDecimal(amount),
					new BigDecimal(amount), currency);
		this.demo.invoicesWritten(this.demo.contoso());
		return number;
	}

	PortalUser admin() {
		return this.demo.user(DemoData.CONTOSO_ADMIN);
	}

	String payUrl(String number) {
		return "/billing/accounts/" + this.demo.contoso() + "/invoices/" + number + "/pay";
	}

	MockHttpServletRequestBuilder payPart(String number, String amount) {
		return post(payUrl(number)).with(user(admin())).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.visa()))
			.param("amount", amount);
	}

	/** A declined payment of the invoice: from then on a part of it may be paid. */
	String declined(String number) {
		Payment declined = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				UUID.randomUUID().toString(), null, DemoData.newCard("4000000000000002"));
		assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
		return number;
	}

	BigDecimal amountPaid(String number) {
		return this.demo.jdbc()
			.queryForObject("select amount_paid from invoice where invoice_number = ?", BigDecimal.class, number);
	}

	List<BigDecimal> charged(String number) {
		return this.demo.jdbc()
			.queryForList("select c.amount from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key"
					+ " join invoice i on i.id = p.invoice_id where i.invoice_number = ? and c.status = 'SUCCEEDED'"
					+ " order by c.id", BigDecimal.class, number);
	}

	@Test
	void partsArePaidUntilTheBalanceIsZeroEachItsOwnPaymentAndReceipt() throws Exception {
		String number = declined(invoice("USD", "1000.00"));
		MvcResult first = this.mvc.perform(payPart(number, "250.50")).andReturn();
		assertThat(((Flash) first.getFlashMap().get("flash")).messageKey()).isEqualTo("pay.part.success");
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
		assertThat(amountPaid(number)).isEqualByComparingTo("250.50");

		String list = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices").with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = list.substring(list.indexOf("id=\"invoice-" + number + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Partially paid").contains("Balance due $749.50").contains(payUrl(number));
		String detail = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices/" + number)
			.with(user(admin()))).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("Partially paid").contains("$749.50").contains("$250.50");

		// The rest, with Pay now: the balance, not the amount due.
		MvcResult rest = this.mvc.perform(post(payUrl(number)).with(user(admin())).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.visa()))).andReturn();
		assertThat(((Flash) rest.getFlashMap().get("flash")).messageKey()).isEqualTo("pay.success");
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
		assertThat(charged(number)).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("250.50"), new BigDecimal("749.50"));
		assertThat(this.demo.payments(number, PaymentStatus.SUCCEEDED)).isEqualTo(2);
		List<String> references = this.demo.jdbc()
			.queryForList("select p.payment_ref from payment p join invoice i on i.id = p.invoice_id"
					+ " where i.invoice_number = ? and p.status = 'SUCCEEDED' order by p.id", String.class, number);
		String firstReceipt = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/payments/"
				+ references.get(0) + "/receipt").with(user(admin()))).andReturn().getResponse().getContentAsString();
		assertThat(firstReceipt).contains("$250.50");
	}

	@Test
	void aPartBelowTheMinimumAboveTheBalanceOrFinerThanCentsIsRefusedAndNothingCharged() throws Exception {
		String number = declined(invoice("USD", "1000.00"));
		for (String[] c : List.of(new String[] { "99.99", "below the minimum" },
				new String[] { "1000.01", "more than the balance" }, new String[] { "100.005", "more decimal places" },
				new String[] { "ten", "as a number" })) {
			String page = this.mvc.perform(payPart(number, c[0])).andReturn().getResponse().getContentAsString();
			assertThat(page).as(c[0]).contains(c[1]).contains("id=\"pay-part\"");
		}
		assertThat(charged(number)).isEmpty();
		assertThat(amountPaid(number)).isZero();
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
	}

	@Test
	void yenHasNoMinorUnits() throws Exception {
		String number = declined(invoice("JPY", "12345"));
		String refused = this.mvc.perform(payPart(number, "2000.5")).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("more decimal places");
		this.mvc.perform(payPart(number, "1235")).andReturn();
		assertThat(amountPaid(number)).isEqualByComparingTo("1235");
		assertThat(charged(number)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1235"));
		String blade = this.mvc.perform(get(payUrl(number)).with(user(admin()))).andReturn().getResponse()
			.getContentAsString();
		// The minimum of the balance left, 11110 yen: 1111.
		assertThat(blade).contains("At least ¥1,111");
	}

	@Test
	void anInvoiceAboveTheCardLimitCanBePaidInPartsUpToTheLimit() throws Exception {
		String number = invoice("USD", "80000.00");
		String blade = this.mvc.perform(get(payUrl(number)).with(user(admin()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(blade).contains("id=\"pay-part\"").contains("At least $8,000.00, at most $50,000.00");
		String refused = this.mvc.perform(payPart(number, "50000.01")).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("above the card limit");
		MvcResult whole = this.mvc.perform(post(payUrl(number)).with(user(admin())).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.visa()))).andReturn();
		assertThat(whole.getResponse().getContentAsString()).contains("above the card limit");
		assertThat(charged(number)).isEmpty();
		this.mvc.perform(payPart(number, "50000.00")).andReturn();
		assertThat(amountPaid(number)).isEqualByComparingTo("50000.00");
		// The balance left, 30,000, is within the limit: Pay now pays it.
		Payment rest = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(rest.amount().amount()).isEqualByComparingTo("30000.00");
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
	}

	@Test
	void paySelectedChargesThePartiallyPaidInvoicesBalance() {
		String partly = declined(invoice("USD", "100.00"));
		String other = invoice("USD", "50.00");
		this.payments.pay(this.demo.adminAccess(), this.demo.admin(), partly, UUID.randomUUID().toString(),
				this.demo.visa(), null, new BigDecimal("40.00"));
		Payment both = this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(partly, other),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(both.amount().amount()).isEqualByComparingTo("110.00");
		assertThat(this.demo.invoiceStatus(partly)).isEqualTo("PAID");
		assertThat(this.demo.invoiceStatus(other)).isEqualTo("PAID");
		assertThat(amountPaid(partly)).isEqualByComparingTo("100.00");
	}

	@Test
	void aReaderCannotPayAPart() throws Exception {
		String number = invoice("USD", "1000.00");
		int status = this.mvc.perform(post(payUrl(number)).with(user(this.demo.user(DemoData.CONTOSO_READER)))
			.with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", String.valueOf(this.demo.visa()))
			.param("amount", "200.00")).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(403);
		assertThat(amountPaid(number)).isZero();
	}

	@Test
	void aPartOfAnOrdinaryDueInvoiceIsRefusedByTheServerEvenWhenPostedByHand() throws Exception {
		String number = invoice("USD", "1000.00");
		String blade = this.mvc.perform(get(payUrl(number)).with(user(admin()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(blade).doesNotContain("id=\"pay-part\"");

		String refused = this.mvc.perform(payPart(number, "250.00")).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"pay-refusal\"").contains("Only the whole balance can be paid by card now");
		assertThat(charged(number)).isEmpty();
		assertThat(amountPaid(number)).isZero();
		assertThat(this.demo.jdbc()
			.queryForObject("select count(*) from payment p join invoice i on i.id = p.invoice_id"
					+ " where i.invoice_number = ?", Integer.class, number)).as("no payment started").isZero();
		// The service asks the same rule as the blade.
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.payments.pay(this.demo.adminAccess(),
				this.demo.admin(), number, UUID.randomUUID().toString(), this.demo.visa(), null, new BigDecimal("250.00")))
			.isInstanceOf(PaymentRefusedException.class)
			.extracting((e) -> ((PaymentRefusedException) e).messageKey())
			.isEqualTo("pay.part.notOffered");

		// After a declined payment of it, the blade offers a part and the part is accepted.
		declined(number);
		assertThat(this.mvc.perform(get(payUrl(number)).with(user(admin()))).andReturn().getResponse()
			.getContentAsString()).contains("id=\"pay-part\"");
		this.mvc.perform(payPart(number, "250.00")).andReturn();
		assertThat(amountPaid(number)).isEqualByComparingTo("250.00");
		// A later part of the Partially paid invoice.
		this.mvc.perform(payPart(number, "300.00")).andReturn();
		assertThat(amountPaid(number)).isEqualByComparingTo("550.00");
	}

	@Test
	void aPaymentThatFailedWithoutADeclineDoesNotOfferAPart() throws Exception {
		// A bank verification the payer never completed: the reconciler abandons it (failed, OTHER).
		String abandoned = invoice("USD", "1000.00");
		Payment verifying = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), abandoned,
				UUID.randomUUID().toString(), null, DemoData.newCard("4000002760003184"));
		assertThat(verifying.requiresAction()).isTrue();
		this.clock.advance(Duration.ofMinutes(20));
		this.reconciler.reconcileAll();
		assertThat(this.demo.history(verifying.reference())).last().asString().contains("VERIFICATION_EXPIRED");

		// A charge the gateway never received: the reconciler cancels it (failed, OTHER).
		String lost = invoice("USD", "1000.00");
		this.gateway.fail(FaultyGateway.Fault.REQUEST_LOST);
		Payment unknown = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), lost,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		this.gateway.fail(FaultyGateway.Fault.NONE);
		this.reconciler.reconcileAll();
		assertThat(this.demo.history(unknown.reference())).last().asString().contains("RECONCILED_NOT_RECEIVED");

		for (String number : List.of(abandoned, lost)) {
			assertThat(this.demo.payments(number, PaymentStatus.FAILED)).as(number).isEqualTo(1);
			assertThat(this.mvc.perform(get(payUrl(number)).with(user(admin()))).andReturn().getResponse()
				.getContentAsString()).as(number).doesNotContain("id=\"pay-part\"");
			String refused = this.mvc.perform(payPart(number, "250.00")).andReturn().getResponse()
				.getContentAsString();
			assertThat(refused).as(number).contains("Only the whole balance can be paid by card now");
			assertThat(charged(number)).as(number).isEmpty();
			assertThat(amountPaid(number)).as(number).isZero();
		}
	}

	@Test
	void aPartiallyPaidInvoicesPdfShowsTheAmountPaidAndTheBalanceDueInBothLanguages() throws Exception {
		String number = invoice("USD", "1000.00");
		// As after a part of $250.50 (how a part is paid is the tests' above).
		this.demo.jdbc().update("update invoice set amount_paid = 250.50 where invoice_number = ?", number);
		this.demo.invoicesWritten(this.demo.contoso());
		String pdfUrl = "/billing/accounts/" + this.demo.contoso() + "/invoices/" + number + "/pdf";

		String en = Pdfs.text(this.mvc.perform(get(pdfUrl).with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(en).contains("Partially paid", "Amount due", "$1,000.00", "Amount paid", "$250.50", "Balance due",
				"$749.50");
		// The wire transfer settles the balance.
		assertThat(en).containsPattern("Payment reference " + number + "\\s+Balance due \\$749\\.50")
			.doesNotContainPattern("Payment reference " + number + "\\s+Amount due");

		String zh = Pdfs.text(this.mvc.perform(get(pdfUrl).with(user(admin())).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(zh).contains("已付金额", "应付余额", "$749.50");

		String full = invoice("USD", "1000.00");
		String unpaid = Pdfs.text(this.mvc
			.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices/" + full + "/pdf").with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(unpaid).doesNotContain("Amount paid").doesNotContain("Balance due");
	}

}
