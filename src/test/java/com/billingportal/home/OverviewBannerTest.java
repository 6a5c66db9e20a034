package com.billingportal.home;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The overview's banner "there is a problem with your payment method" looks at every invoice a
 * declined payment tried to pay, not only the first of a payment of several.
 */
@PortalTest
class OverviewBannerTest {

	static final String PROBLEM = "There is a problem with your payment method";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	BillingAccountService accounts;

	String fabrikamInvoice(String amount) {
		long account = this.demo.fabrikam();
		long profile = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class, account);
		String currency = this.demo.jdbc()
			.queryForObject("select min(currency) from invoice where billing_profile_id = ?", String.class, profile);
		String number = "B" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
		LocalDate today = LocalDate.now();
		this.demo.jdbc()
			.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
					+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'DUE', 0)", number, account, profile,
					Date.valueOf(today.minusDays(40)), Date.valueOf(today.minusMonths(2)),
					Date.valueOf(today.minusDays(41)), Date.valueOf(today.minusDays(10)), new BigDecimal(amount),
					new BigDecimal(amount), currency);
		this.demo.invoicesWritten(account);
		return number;
	}

	String overview() throws Exception {
		return this.mvc
			.perform(get("/billing/accounts/{id}", this.demo.fabrikam())
				.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aDeclinedPaymentOfSeveralInvoicesWarnsWhileAnyOfThemIsStillDue() throws Exception {
		assertThat(overview()).doesNotContain(PROBLEM);
		String first = fabrikamInvoice("10.00");
		String second = fabrikamInvoice("20.00");
		AccountAccess access = this.accounts.access(this.demo.userId(DemoData.FABRIKAM_ADMIN), this.demo.fabrikam());
		Actor admin = new Actor(this.demo.userId(DemoData.FABRIKAM_ADMIN), DemoData.FABRIKAM_ADMIN);
		Payment declined = this.payments.payInvoices(access, admin, List.of(first, second),
				UUID.randomUUID().toString(), null, DemoData.newCard("4000000000000002"));
		assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(overview()).contains(PROBLEM);

		// The first invoice is paid alone; the second, which the declined payment also tried, is still due.
		this.payments.pay(access, admin, first, UUID.randomUUID().toString(), null,
				DemoData.newCard("4242424242424242"));
		assertThat(this.demo.invoiceStatus(first)).isEqualTo("PAID");

		assertThat(overview()).contains(PROBLEM);
	}

}
