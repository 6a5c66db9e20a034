package com.billingportal.notification;

import java.util.UUID;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentFailed;
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
 * What {@link PaymentLetters} shows is read in one read-only transaction, one connection from the
 * pool, not one for each question: for a receipt the payment, its invoice, the payer and the
 * profile's recipients; for a failed payment the payment, its invoices' numbers and the card; for
 * both the recipients' languages.
 */
@PortalTest
class PaymentLetterReadsTest {

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentLetters letters;

	@Autowired
	SqlStatements statements;

	@Test
	void aReceiptIsReadWithOneConnection() {
		Payment payment = pay(this.demo.newDueInvoice(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		PaymentSucceeded event = new PaymentSucceeded(UUID.randomUUID(), payment.id(), this.demo.contoso(),
				payment.reference(), this.demo.userId(DemoData.CONTOSO_ADMIN));

		this.statements.reset();
		Emails emails = this.letters.receipt(event);

		assertThat(this.statements.connections()).as("connections taken; statements %s", this.statements.prepared())
			.isEqualTo(1);
		assertThat(emails.letters()).extracting(Letter::recipient).containsExactly(DemoData.CONTOSO_ADMIN);
		assertThat(emails.letters().get(0).attachments()).hasSize(1);
	}

	@Test
	void aFailedPaymentsEmailIsReadWithOneConnection() {
		Payment payment = pay(this.demo.newDueInvoice(), null, "4000000000000002");
		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		PaymentFailed event = new PaymentFailed(UUID.randomUUID(), payment.id(), this.demo.contoso(),
				payment.reference(), payment.failureReason(), payment.declineCode(), false);

		this.statements.reset();
		Emails emails = this.letters.failed(event);

		assertThat(this.statements.connections()).as("connections taken; statements %s", this.statements.prepared())
			.isEqualTo(1);
		assertThat(emails.letters()).extracting(Letter::recipient).containsExactly(DemoData.CONTOSO_ADMIN);
	}

	private Payment pay(String invoice, Long cardId, String newCardNumber) {
		return this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice, UUID.randomUUID().toString(),
				cardId, (newCardNumber != null) ? DemoData.newCard(newCardNumber) : null);
	}

}
