package com.billingportal.payment;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.billingportal.audit.AuditService;
import com.billingportal.payment.gateway.SandboxGateway;
import com.billingportal.support.DemoData;
import com.billingportal.support.FaultyGateway;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * Faults between the portal and the gateway: an answer lost, a request lost, the portal stopping
 * after the gateway charged, a verification left open, and the reconciler running on several nodes
 * at once. Money never moves twice; nothing stays Processing for good.
 */
@PortalTest
class PaymentFaultTest {

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentQueries queries;

	@Autowired
	BankVerification verification;

	@Autowired
	PaymentReconciler reconciler;

	@Autowired
	FaultyGateway gateway;

	@Autowired
	SandboxGateway sandbox;

	@Autowired
	MutableClock clock;

	/** A Mockito spy (see PortalTest): a test makes it fail to stop the portal mid-payment. */
	@Autowired
	AuditService audit;

	@Autowired
	DemoData demo;

	@BeforeEach
	void setUp() {
		this.gateway.fail(FaultyGateway.Fault.NONE);
	}

	@AfterEach
	void tearDown() {
		this.gateway.fail(FaultyGateway.Fault.NONE);
		reset(this.audit);
	}

	private Payment pay(String invoice) {
		return this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), this.demo.visa(), null);
	}

	@Test
	void lostAnswerIsUnknownUntilTheReconcilerFindsTheChargeThenTheInvoiceIsPaid() {
		String invoice = this.demo.newDueInvoice();
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);

		Payment payment = pay(invoice);

		assertThat(payment.status()).isEqualTo(PaymentStatus.UNKNOWN);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PROCESSING");
		this.gateway.fail(FaultyGateway.Fault.NONE);
		// A second attempt while the first is Unknown: no new charge.
		assertThatThrownBy(() -> pay(invoice)).isInstanceOf(PaymentRefusedException.class)
			.hasMessage("pay.refused.alreadyPaid");

		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.demo.payments(invoice, PaymentStatus.SUCCEEDED)).isEqualTo(1);
		assertThat(this.demo.history(payment.reference())).containsExactly(
				"NEW -> PENDING; STARTED; invoice " + invoice + ", 106.00 USD, Visa ending 4242",
				"PENDING -> UNKNOWN; NO_ANSWER", "UNKNOWN -> SUCCEEDED; RECONCILED_CHARGED; invoice " + invoice + " paid");
	}

	@Test
	void scheduledReconcilerSettlesAnUnknownPaymentTheGatewayCharged() {
		String invoice = this.demo.newDueInvoice();
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);
		Payment payment = pay(invoice);
		assertThat(payment.status()).isEqualTo(PaymentStatus.UNKNOWN);

		assertThat(this.reconciler.reconcileAll()).isGreaterThanOrEqualTo(1);

		assertThat(this.queries.payment(this.demo.adminAccess(), payment.reference()).status())
			.isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
	}

	@Test
	void unknownPaymentTheGatewayNeverReceivedFailsAndTheInvoiceIsPayableAgain() {
		String invoice = this.demo.newDueInvoice();
		this.gateway.fail(FaultyGateway.Fault.REQUEST_LOST);
		Payment lost = pay(invoice);
		assertThat(lost.status()).isEqualTo(PaymentStatus.UNKNOWN);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PROCESSING");

		this.reconciler.reconcileAll();

		Payment settled = this.queries.payment(this.demo.adminAccess(), lost.reference());
		assertThat(settled.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(settled.failureReason()).isEqualTo(FailureReason.OTHER);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("DUE");
		assertThat(this.demo.history(lost.reference())).last()
			.isEqualTo("UNKNOWN -> FAILED; RECONCILED_NOT_RECEIVED; canceled");
		// The lost request arriving late at the gateway moves no money: the key is cancelled.
		PaymentGateway.ChargeResult late = this.sandbox.charge(new PaymentGateway.ChargeRequest(lost.reference(),
				"sbx_succeed_late", com.billingportal.money.Money.of(DemoData.newInvoiceAmount(), "USD"), "late"));
		assertThat(late.outcome()).isEqualTo(PaymentGateway.Outcome.DECLINED);
		assertThat(this.demo.succeededGatewayCharges(invoice)).isZero();

		this.gateway.fail(FaultyGateway.Fault.NONE);
		Payment retry = pay(invoice);
		assertThat(retry.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
	}

	@Test
	void crashAfterTheGatewayChargedIsSettledByTheReconcilerWithoutChargingAgain() {
		String invoice = this.demo.newDueInvoice();
		// The transaction that records the gateway's answer fails, and so does marking it Unknown:
		// as if the node stopped right after the gateway charged.
		doThrow(new IllegalStateException("node stopped")).when(this.audit)
			.record(any(), eq("PAYMENT_SUCCEEDED"), anyString(), any(), anyLong(), anyString());
		doThrow(new IllegalStateException("node stopped")).when(this.audit)
			.record(any(), eq("PAYMENT_UNKNOWN"), anyString(), any(), anyLong(), anyString());

		assertThatThrownBy(() -> pay(invoice)).hasMessageContaining("node stopped");

		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PROCESSING");
		assertThat(this.demo.payments(invoice, PaymentStatus.PENDING)).isEqualTo(1);
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);

		reset(this.audit);
		// Within the grace period the payment might still be waiting for its answer: untouched.
		this.reconciler.reconcileAll();
		assertThat(this.demo.payments(invoice, PaymentStatus.PENDING)).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.reconcileAll();

		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.demo.payments(invoice, PaymentStatus.SUCCEEDED)).isEqualTo(1);
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.demo.gatewayCharges(invoice)).isEqualTo(1);
	}

	@Test
	void answerThatCannotBeRecordedLeavesThePaymentUnknownForTheReconciler() {
		String invoice = this.demo.newDueInvoice();
		doThrow(new IllegalStateException("database hiccup")).when(this.audit)
			.record(any(), eq("PAYMENT_SUCCEEDED"), anyString(), any(), anyLong(), anyString());

		Payment payment = pay(invoice);

		assertThat(payment.status()).isEqualTo(PaymentStatus.UNKNOWN);
		reset(this.audit);
		this.reconciler.reconcileAll();
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
		assertThat(this.demo.history(payment.reference())).element(1).isEqualTo("PENDING -> UNKNOWN; NOT_RECORDED");
	}

	@Test
	void paymentWaitingForBankVerificationIsNotReconciledUntilTheVerificationTimesOut() {
		String invoice = this.demo.newDueInvoice();
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), null, DemoData.newCard("4000002760003184"));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.requiresAction()).isTrue();

		this.clock.advance(Duration.ofMinutes(5));
		this.reconciler.reconcileAll();
		// Also before a new attempt: the payer may still be verifying.
		assertThatThrownBy(() -> pay(invoice)).hasMessage("pay.refused.inProgress");

		Payment waiting = this.queries.payment(this.demo.adminAccess(), payment.reference());
		assertThat(waiting.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(waiting.requiresAction()).isTrue();
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PROCESSING");

		this.clock.advance(Duration.ofMinutes(15));
		this.reconciler.reconcileAll();

		Payment expired = this.queries.payment(this.demo.adminAccess(), payment.reference());
		assertThat(expired.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("DUE");
		assertThat(this.demo.succeededGatewayCharges(invoice)).isZero();
		assertThat(this.demo.history(payment.reference())).last()
			.isEqualTo("PENDING -> FAILED; VERIFICATION_EXPIRED; authentication_failed");
	}

	@Test
	void unknownPaymentFoundWaitingForVerificationGoesBackToThePayer() {
		String invoice = this.demo.newDueInvoice();
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), null, DemoData.newCard("4000002760003184"));
		assertThat(payment.status()).isEqualTo(PaymentStatus.UNKNOWN);
		this.gateway.fail(FaultyGateway.Fault.NONE);

		this.reconciler.reconcileAll();

		Payment waiting = this.queries.payment(this.demo.adminAccess(), payment.reference());
		assertThat(waiting.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(waiting.requiresAction()).isTrue();
		Payment verified = this.verification.complete(this.demo.adminAccess(), this.demo.admin(),
				payment.reference(), true);
		assertThat(verified.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(this.demo.succeededGatewayCharges(invoice)).isEqualTo(1);
	}

	@Test
	void reconcilersOnSeveralNodesAtOnceSettleEachPaymentOnce() throws Exception {
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);
		String charged = this.demo.newDueInvoice();
		Payment chargedPayment = pay(charged);
		this.gateway.fail(FaultyGateway.Fault.REQUEST_LOST);
		String neverReceived = this.demo.newDueInvoice();
		Payment lostPayment = pay(neverReceived);
		this.gateway.fail(FaultyGateway.Fault.NONE);

		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			CompletableFuture<?>[] runs = new CompletableFuture<?>[4];
			for (int i = 0; i < runs.length; i++) {
				runs[i] = CompletableFuture.runAsync(this.reconciler::reconcileAll, nodes);
			}
			CompletableFuture.allOf(runs).get();
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(this.demo.invoiceStatus(charged)).isEqualTo("PAID");
		assertThat(this.demo.invoiceStatus(neverReceived)).isEqualTo("DUE");
		assertThat(this.demo.succeededGatewayCharges(charged)).isEqualTo(1);
		assertThat(this.demo.succeededGatewayCharges(neverReceived)).isZero();
		assertThat(this.demo.history(chargedPayment.reference())).filteredOn((d) -> d.startsWith("UNKNOWN ->"))
			.containsExactly("UNKNOWN -> SUCCEEDED; RECONCILED_CHARGED; invoice " + charged + " paid");
		assertThat(this.demo.history(lostPayment.reference())).filteredOn((d) -> d.startsWith("UNKNOWN ->"))
			.containsExactly("UNKNOWN -> FAILED; RECONCILED_NOT_RECEIVED; canceled");
	}

}
