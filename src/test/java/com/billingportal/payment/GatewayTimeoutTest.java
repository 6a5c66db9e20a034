package com.billingportal.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceTotals;
import com.billingportal.support.DemoData;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway slower than {@code billing.gateway.timeout}: the payer is not kept waiting, the payment
 * is Unknown and the invoice Processing until the reconciler finds the charge.
 */
@SpringBootTest(properties = { "billing.gateway.timeout=300ms", "billing.gateway.sandbox.latency=3s" })
class GatewayTimeoutTest {

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentQueries queries;

	@Autowired
	PaymentReconciler reconciler;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BillingAccountService accounts;

	@Autowired
	InvoiceTotals totals;

	@Autowired
	UserService users;

	@Test
	void slowAnswerBecomesUnknownThenTheReconcilerMarksTheInvoicePaid() {
		DemoData fixtures = new DemoData(this.jdbc, this.users, this.accounts, this.totals);
		String invoice = fixtures.newDueInvoice();

		Instant before = Instant.now();
		Payment payment = this.payments.pay(fixtures.adminAccess(), fixtures.admin(), invoice,
				UUID.randomUUID().toString(), fixtures.visa(), null);

		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
		assertThat(payment.status()).isEqualTo(PaymentStatus.UNKNOWN);
		assertThat(fixtures.invoiceStatus(invoice)).isEqualTo("PROCESSING");

		this.reconciler.reconcileAll();

		assertThat(this.queries.payment(fixtures.adminAccess(), payment.reference()).status())
			.isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(fixtures.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(fixtures.succeededGatewayCharges(invoice)).isEqualTo(1);
	}

}
