package com.billingportal.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.billingportal.portal.Flash;
import com.billingportal.support.DemoData;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;

import org.junit.jupiter.api.RepeatedTest;
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
 * Pay selected and Pay all past due: several invoices of one billing profile and currency, one
 * gateway charge for their total, one payment with one allocation per invoice, all Paid together or
 * none; the card limit on the total; the loser of a race told which invoice stood in its way.
 */
@PortalTest
class PaySelectedTest {

	@Autowired
	PaymentService payments;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	String invoice(String profileName, String currency, String amount, LocalDate due) {
		String number = "S" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		LocalDate today = LocalDate.now();
		this.demo.jdbc()
			.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
					+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'DUE', 0)", number, this.demo.contoso(),
					this.demo.profileId(profileName), Date.valueOf(today.minusMonths(1)),
					Date.valueOf(today.minusMonths(2)), Date.valueOf(today.minusMonths(1).minusDays(1)),
					Date.valueOf(due), new BigDecimal(amount), new BigDecimal(amount), currency);
		this.demo.invoicesWritten(this.demo.contoso());
		return number;
	}

	String due(String amount) {
		return invoice("Contoso Billing", "USD", amount, LocalDate.now().plusDays(20));
	}

	PortalUser admin() {
		return this.demo.user(DemoData.CONTOSO_ADMIN);
	}

	String base() {
		return "/billing/accounts/" + this.demo.contoso() + "/invoices/pay-selected";
	}

	MockHttpServletRequestBuilder paySelected(PortalUser who, String key, String... numbers) {
		return post(base()).with(user(who)).with(csrf())
			.param("invoice", numbers)
			.param("idempotencyKey", key)
			.param("paymentMethod", String.valueOf(this.demo.visa()));
	}

	long allocations(String number) {
		return this.demo.jdbc()
			.queryForObject("select count(*) from payment_allocation a join invoice i on i.id = a.invoice_id"
					+ " where i.invoice_number = ?", Long.class, number);
	}

	/** Succeeded sandbox charges of the payments that pay the invoice, alone or with others. */
	int charges(String number) {
		return this.demo.jdbc()
			.queryForObject("select count(*) from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key"
					+ " join payment_allocation a on a.payment_id = p.id join invoice i on i.id = a.invoice_id"
					+ " where i.invoice_number = ? and c.status = 'SUCCEEDED'", Integer.class, number);
	}

	@Test
	void twoInvoicesArePaidWithOneChargeForTheirTotalAndOneReceiptListingBoth() throws Exception {
		String a = due("106.00");
		String b = due("250.55");
		MvcResult paid = this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a, b)).andReturn();

		assertThat(paid.getResponse().getRedirectedUrl()).contains("/payments/").endsWith("/receipt");
		assertThat(((Flash) paid.getFlashMap().get("flash")).messageKey()).isEqualTo("paySelected.success");
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("PAID");
		assertThat(this.demo.invoiceStatus(b)).isEqualTo("PAID");
		List<BigDecimal> charged = this.demo.jdbc()
			.queryForList("select c.amount from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key"
					+ " join payment_allocation x on x.payment_id = p.id join invoice i on i.id = x.invoice_id"
					+ " where i.invoice_number = ?", BigDecimal.class, a);
		assertThat(charged).hasSize(1);
		assertThat(charged.get(0)).isEqualByComparingTo("356.55");
		assertThat(allocations(a)).isEqualTo(1);
		assertThat(allocations(b)).isEqualTo(1);

		String receipt = this.mvc.perform(get(paid.getResponse().getRedirectedUrl()).with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(receipt).contains(a).contains(b).contains("$356.55").contains("$106.00").contains("$250.55")
			.contains("applied to 2 invoices");
		byte[] pdf = this.mvc.perform(get(paid.getResponse().getRedirectedUrl() + ".pdf").with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Pdfs.text(pdf)).contains(a).contains(b).contains("$356.55");

		// Each invoice's page shows the payment that paid it with the other one.
		String detailB = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices/" + b)
			.with(user(admin()))).andReturn().getResponse().getContentAsString();
		assertThat(detailB).contains("$356.55");
	}

	@Test
	void theBladeListsTheInvoicesAndTheirTotal() throws Exception {
		String a = due("100.00");
		String b = due("0.99");
		String blade = this.mvc.perform(get(base()).param("invoice", a, b).with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(blade).contains("id=\"selected-invoices\"").contains(a).contains(b).contains("$100.99")
			.contains("name=\"idempotencyKey\"").contains("name=\"_csrf\"");
	}

	@Test
	void invoicesOfTwoBillingProfilesAreNeverCombined() throws Exception {
		String a = due("10.00");
		String b = invoice("Contoso Research", "USD", "20.00", LocalDate.now().plusDays(5));
		MvcResult refused = this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a, b)).andReturn();
		assertThat(((Flash) refused.getFlashMap().get("flash")).messageKey()).isEqualTo("paySelected.refused.mixedProfiles");
		MvcResult blade = this.mvc.perform(get(base()).param("invoice", a, b).with(user(admin()))).andReturn();
		assertThat(((Flash) blade.getFlashMap().get("flash")).messageKey()).isEqualTo("paySelected.refused.mixedProfiles");
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(this.demo.invoiceStatus(b)).isEqualTo("DUE");
		assertThat(charges(a) + charges(b)).isZero();
	}

	@Test
	void invoicesOfTwoCurrenciesAreNeverCombined() throws Exception {
		String a = due("10.00");
		String b = invoice("Contoso Billing", "EUR", "20.00", LocalDate.now().plusDays(5));
		MvcResult refused = this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a, b)).andReturn();
		assertThat(((Flash) refused.getFlashMap().get("flash")).messageKey())
			.isEqualTo("paySelected.refused.mixedCurrencies");
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(charges(a) + charges(b)).isZero();
	}

	@Test
	void theCardLimitAppliesToTheTotal() throws Exception {
		String a = due("30000.00");
		String b = due("25000.00");
		String blade = this.mvc.perform(get(base()).param("invoice", a, b).with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(blade).contains("above the card limit of $50,000.00").contains("Select fewer invoices")
			.doesNotContain("id=\"pay-submit\"");
		MvcResult refused = this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a, b)).andReturn();
		assertThat(((Flash) refused.getFlashMap().get("flash")).messageKey())
			.isEqualTo("paySelected.refused.aboveCardLimit");
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(charges(a) + charges(b)).isZero();
		// Each alone is within the limit: paying fewer works.
		this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a)).andReturn();
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("PAID");
	}

	@Test
	void anAlreadyPaidInvoiceIsNamedAndNothingIsCharged() throws Exception {
		String a = due("10.00");
		String b = due("20.00");
		this.payments.pay(this.demo.adminAccess(), this.demo.admin(), b, UUID.randomUUID().toString(), this.demo.visa(),
				null);
		MvcResult refused = this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a, b)).andReturn();
		Flash flash = (Flash) refused.getFlashMap().get("flash");
		assertThat(flash.messageKey()).isEqualTo("pay.refused.alreadyPaid");
		assertThat(flash.argument()).isEqualTo(b);
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(charges(a)).isZero();
		assertThat(charges(b)).isEqualTo(1);
	}

	@Test
	void anInvoiceBeingPaidIsNamedByTheServiceUnderTheLock() {
		String a = due("10.00");
		String b = due("20.00");
		// b turns Processing between the blade and Pay now (another payment in flight).
		this.demo.jdbc().update("update invoice set status = 'PROCESSING' where invoice_number = ?", b);
		this.demo.invoicesWritten(this.demo.contoso());
		try {
			this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(a, b),
					UUID.randomUUID().toString(), this.demo.visa(), null);
			org.assertj.core.api.Assertions.fail("refused expected");
		}
		catch (PaymentRefusedException ex) {
			assertThat(ex.messageKey()).isEqualTo("pay.refused.inProgress");
			assertThat(ex.invoiceNumber()).isEqualTo(b);
		}
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(allocations(a)).isZero();
	}

	@Test
	void aDeclinedChargeLeavesEveryInvoiceDueAndPayableAgain() throws Exception {
		String a = due("10.00");
		String b = due("20.00");
		MvcResult declined = this.mvc.perform(post(base()).with(user(admin())).with(csrf())
			.param("invoice", a, b)
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("paymentMethod", "new")
			.param("newCard.holderName", "Avery Chen")
			.param("newCard.number", "4000000000000002")
			.param("newCard.expiryMonth", "12")
			.param("newCard.expiryYear", String.valueOf(LocalDate.now().getYear() + 2))
			.param("newCard.cvc", "123")
			.param("newCard.country", "US")
			.param("newCard.postalCode", "98052")).andReturn();
		assertThat(declined.getResponse().getStatus()).isEqualTo(200);
		assertThat(declined.getResponse().getContentAsString()).contains("id=\"pay-failure\"")
			.contains("Nothing was charged and the invoices are unchanged.");
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(this.demo.invoiceStatus(b)).isEqualTo("DUE");
		assertThat(this.demo.jdbc().queryForObject("select count(*) from payment_allocation a join invoice i"
				+ " on i.id = a.invoice_id where i.invoice_number in (?, ?) and a.active_invoice_id is not null",
				Long.class, a, b)).isZero();
		// Each is payable again, alone.
		Payment alone = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), b, UUID.randomUUID().toString(),
				this.demo.visa(), null);
		assertThat(alone.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
	}

	@Test
	void theSameFormPostedTwiceChargesOnce() throws Exception {
		String a = due("10.00");
		String b = due("20.00");
		String key = UUID.randomUUID().toString();
		this.mvc.perform(paySelected(admin(), key, a, b)).andReturn();
		MvcResult again = this.mvc.perform(paySelected(admin(), key, a, b)).andReturn();
		assertThat(again.getResponse().getRedirectedUrl()).endsWith("/receipt");
		assertThat(charges(a)).isEqualTo(1);
		assertThat(this.demo.count("payment_allocation")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyTheBillingAccountAdminPays() throws Exception {
		String a = due("10.00");
		String b = due("20.00");
		for (String email : List.of(DemoData.CONTOSO_READER, DemoData.CONTOSO_CONTRIBUTOR)) {
			PortalUser who = this.demo.user(email);
			assertThat(this.mvc.perform(get(base()).param("invoice", a, b).with(user(who))).andReturn().getResponse()
				.getStatus()).isEqualTo(403);
			assertThat(this.mvc.perform(paySelected(who, UUID.randomUUID().toString(), a, b)).andReturn().getResponse()
				.getStatus()).isEqualTo(403);
		}
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
		assertThat(charges(a) + charges(b)).isZero();
		String list = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices")
			.with(user(this.demo.user(DemoData.CONTOSO_READER)))).andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain("id=\"pay-selected\"").doesNotContain("id=\"pay-past-due\"");
	}

	@Test
	void anotherAccountsInvoiceIsNotFound() throws Exception {
		String a = due("10.00");
		String fabrikams = this.demo.jdbc()
			.queryForObject("select min(invoice_number) from invoice where billing_account_id = ?", String.class,
					this.demo.fabrikam());
		MvcResult result = this.mvc.perform(paySelected(admin(), UUID.randomUUID().toString(), a, fabrikams))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.demo.invoiceStatus(a)).isEqualTo("DUE");
	}

	@Test
	void theListOffersCheckboxesAndBothButtonsInAPlainForm() throws Exception {
		String a = due("10.00");
		String list = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices")
			.with(user(admin()))).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("<form id=\"invoice-selection\"").contains("method=\"get\"")
			.contains("action=\"/billing/accounts/" + this.demo.contoso() + "/invoices/pay-selected\"")
			.contains("value=\"" + a + "\"")
			.contains("id=\"pay-selected\"")
			.contains("name=\"pastDue\"");
	}

	@Test
	void payAllPastDueOfOneProfileOpensTheBladeWithThem() throws Exception {
		String late1 = invoice("Contoso Research", "USD", "11.00", LocalDate.now().minusDays(3));
		String late2 = invoice("Contoso Research", "USD", "12.00", LocalDate.now().minusDays(40));
		String notLate = invoice("Contoso Research", "USD", "13.00", LocalDate.now().plusDays(3));
		String blade = this.mvc.perform(get(base()).param("pastDue", "all")
			.param("profile", String.valueOf(this.demo.profileId("Contoso Research")))
			.with(user(admin()))).andReturn().getResponse().getContentAsString();
		String selected = blade.substring(blade.indexOf("id=\"selected-invoices\""));
		selected = selected.substring(0, selected.indexOf("</table>"));
		assertThat(selected).contains(late1).contains(late2).doesNotContain(notLate);
	}

	/**
	 * A payment of two invoices and single payments of each, all at once, in any order: each
	 * invoice paid exactly once, nobody waits forever (locks in invoice id order), every loser told
	 * which invoice was paid or in progress.
	 */
	@RepeatedTest(3)
	void aPaymentOfSeveralAndSinglePaymentsOfTheSameInvoicesAtOnceChargeEachInvoiceOnce() throws Exception {
		String a = due("10.00");
		String b = due("20.00");
		String c = due("30.00");
		List<Callable<Object>> attempts = new ArrayList<>();
		attempts.add(() -> this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(c, a, b),
				UUID.randomUUID().toString(), this.demo.visa(), null));
		attempts.add(() -> this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(b, c),
				UUID.randomUUID().toString(), this.demo.visa(), null));
		for (String number : List.of(c, b, a)) {
			attempts.add(() -> this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number,
					UUID.randomUUID().toString(), this.demo.visa(), null));
		}
		List<Object> results = runAtOnce(attempts);
		assertThat(results).allSatisfy((r) -> assertThat(r).satisfiesAnyOf(
				(x) -> assertThat(x).isInstanceOf(Payment.class),
				(x) -> assertThat(String.valueOf(x)).matches("pay\\.refused\\.(inProgress|alreadyPaid) (" + a + "|" + b
						+ "|" + c + ")")));
		for (String number : List.of(a, b, c)) {
			assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
			assertThat(charges(number)).as("charges of %s", number).isEqualTo(1);
		}
	}

	private List<Object> runAtOnce(List<Callable<Object>> attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> outcomes = new ArrayList<>();
		try {
			for (Callable<Object> attempt : attempts) {
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						return attempt.call();
					}
					catch (PaymentRefusedException ex) {
						return ex.messageKey() + " " + ex.invoiceNumber();
					}
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
