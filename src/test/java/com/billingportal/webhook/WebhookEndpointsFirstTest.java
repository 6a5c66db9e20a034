package com.billingportal.webhook;

import java.util.Locale;
import java.util.UUID;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.payment.PaymentSucceeded;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account without webhook endpoints, as most are: its events ask the database only that, and
 * no webhook body is read or written. (With endpoints: {@link WebhookTest}.)
 */
@PortalTest
class WebhookEndpointsFirstTest {

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	SqlStatements statements;

	@Test
	void aPaymentOfAnAccountWithoutEndpointsAsksOnlyForThem() {
		this.demo.jdbc().update("delete from webhook_delivery");
		this.demo.jdbc().update("delete from webhook_endpoint");
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), this.demo.newDueInvoice(),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);

		PaymentSucceeded event = new PaymentSucceeded(UUID.randomUUID(), payment.id(), this.demo.contoso(),
				payment.reference(), this.demo.userId(DemoData.CONTOSO_ADMIN));

		this.statements.reset();
		this.outbox.on(event);

		// Spring Modulith's own statement aside: it marks the event's publication completed.
		assertThat(this.statements.prepared()).filteredOn((sql) -> !sql.toUpperCase(Locale.ROOT).contains("EVENT_PUBLICATION"))
			.singleElement()
			.asString()
			.contains("from webhook_endpoint");
		assertThat(this.demo.count("webhook_delivery")).isZero();
	}

}
