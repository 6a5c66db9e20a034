package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.billingportal.money.Money;
import com.billingportal.payment.gateway.SandboxGateway;
import com.billingportal.support.DemoData;
import com.billingportal.support.FaultyGateway;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refunds whose gateway answer never came: the answer lost on its way back (the gateway refunded),
 * the request lost on its way (it never did), the node stopped between asking and recording, and a
 * refund of a payment made with the sandbox's lost-answer card. Each holds its amount until the
 * reconciler, on several nodes at once, asks the gateway and settles it exactly once.
 */
@PortalTest
class RefundReconciliationTest {

	@Autowired
	PaymentService payments;

	@Autowired
	RefundService refunds;

	@Autowired
	PaymentReconciler reconciler;

	@Autowired
	FaultyGateway gateway;

	@Autowired
	SandboxGateway sandbox;

	@Autowired
	MutableClock clock;

	@Autowired
	PaymentProperties properties;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	DemoData demo;

	@AfterEach
	void tearDown() {
		this.gateway.fail(FaultyGateway.Fault.NONE);
	}

	private Payment paid(String invoice) {
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		return payment;
	}

	private Refund refund(Payment payment, String amount, String key) {
		return this.refunds.refund(this.demo.contoso(), payment.reference(), (amount != null) ? Money.of(amount, "USD") : null,
				key, null, this.demo.admin()).refund();
	}

	private String refundStatus(String key) {
		return this.demo.jdbc().queryForObject("select status from refund where idempotency_key = ?", String.class, key);
	}

	private BigDecimal refunded(Payment payment) {
		return this.demo.jdbc().queryForObject("select amount_refunded from payment where id = ?", BigDecimal.class,
				payment.id());
	}

	private BigDecimal paidOf(String invoice) {
		return this.demo.jdbc().queryForObject("select amount_paid from invoice where invoice_number = ?",
				BigDecimal.class, invoice);
	}

	private long refundedHistory(Payment payment) {
		return this.demo.history(payment.reference()).stream().filter((h) -> h.contains("REFUNDED")).count();
	}

	/** Four nodes run the scheduled reconciler at once. */
	private void reconcileOnSeveralNodes() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			CompletableFuture<?>[] runs = new CompletableFuture<?>[4];
			for (int i = 0; i < runs.length; i++) {
				runs[i] = CompletableFuture.runAsync(this.reconciler::reconcileScheduled, nodes);
			}
			CompletableFuture.allOf(runs).get();
		}
		finally {
			nodes.shutdownNow();
		}
	}

	@Test
	void aLostAnswerIsUnknownAndHeldUntilTheReconcilerFindsTheRefundThenItIsAppliedOnce() throws Exception {
		String invoice = this.demo.newDueInvoice();
		Payment payment = paid(invoice);
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);

		Refund lost = refund(payment, "10.00", "lost-answer-1");

		assertThat(lost.status().name()).isEqualTo("UNKNOWN");
		this.gateway.fail(FaultyGateway.Fault.NONE);
		// Nothing moved in the books yet, but its amount is held: all of the payment cannot be refunded.
		assertThat(refunded(payment)).isEqualByComparingTo("0.00");
		assertThat(paidOf(invoice)).isEqualByComparingTo("106.00");
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThatThrownBy(() -> refund(payment, "106.00", "too-much-1")).isInstanceOf(RefundService.RefundRefused.class);

		reconcileOnSeveralNodes();

		assertThat(refundStatus("lost-answer-1")).isEqualTo("SUCCEEDED");
		assertThat(refunded(payment)).isEqualByComparingTo("10.00");
		assertThat(paidOf(invoice)).isEqualByComparingTo("96.00");
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("DUE");
		assertThat(refundedHistory(payment)).isEqualTo(1);
		assertThat(this.demo.jdbc().queryForObject("select count(*) from sandbox_refund where charge_key = ?",
				Integer.class, payment.reference())).isEqualTo(1);
		// The rest of the payment, and not a cent more.
		assertThat(refund(payment, null, "rest-1").amount()).isEqualTo(Money.of("96.00", "USD"));
		assertThat(paidOf(invoice)).isEqualByComparingTo("0.00");
	}

	@Test
	void aRefundTheGatewayNeverReceivedIsCancelledThereAndNothingMoves() throws Exception {
		String invoice = this.demo.newDueInvoice();
		Payment payment = paid(invoice);
		this.gateway.fail(FaultyGateway.Fault.REQUEST_LOST);

		Refund lost = refund(payment, "10.00", "lost-request-1");

		assertThat(lost.status().name()).isEqualTo("UNKNOWN");
		this.gateway.fail(FaultyGateway.Fault.NONE);
		reconcileOnSeveralNodes();

		assertThat(refundStatus("lost-request-1")).isEqualTo("FAILED");
		assertThat(refunded(payment)).isEqualByComparingTo("0.00");
		assertThat(paidOf(invoice)).isEqualByComparingTo("106.00");
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		assertThat(refundedHistory(payment)).isZero();
		// The request arriving late at the gateway gives nothing back: the key is cancelled there.
		PaymentGateway.RefundResult late = this.sandbox.refund(new PaymentGateway.RefundRequest(lost.reference(),
				payment.reference(), Money.of("10.00", "USD")));
		assertThat(late.succeeded()).isFalse();
		// The amount it held is free again: all of the payment can be refunded.
		assertThat(refund(payment, null, "all-1").amount()).isEqualTo(Money.of("106.00", "USD"));
	}

	@Test
	void aNodeThatStoppedBetweenAskingAndRecordingLeavesAPendingRefundTheReconcilerSettlesAfterTheGrace()
			throws Exception {
		String invoice = this.demo.newDueInvoice();
		Payment payment = paid(invoice);
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		// The refund is reserved and the gateway refunds it; the node stops before recording the answer.
		Refund pending = tx.execute((status) -> this.refunds.reserve(this.demo.contoso(), payment.reference(),
				Money.of("25.00", "USD"), null, "stopped-1", null)).refund();
		assertThat(this.sandbox.refund(new PaymentGateway.RefundRequest(pending.reference(), payment.reference(),
				pending.amount())).succeeded()).isTrue();
		// The same refund never answered, and another never sent at all.
		Refund neverSent = tx.execute((status) -> this.refunds.reserve(this.demo.contoso(), payment.reference(),
				Money.of("5.00", "USD"), null, "stopped-2", null)).refund();

		// Within the grace period a Pending refund may still be waiting for its answer: left alone.
		assertThat(this.reconciler.reconcileRefunds()).isZero();
		assertThat(refundStatus("stopped-1")).isEqualTo("PENDING");
		this.clock.advance(this.properties.pendingGrace().plus(Duration.ofSeconds(1)));
		reconcileOnSeveralNodes();

		assertThat(refundStatus("stopped-1")).isEqualTo("SUCCEEDED");
		assertThat(refundStatus("stopped-2")).isEqualTo("FAILED");
		assertThat(refunded(payment)).isEqualByComparingTo("25.00");
		assertThat(paidOf(invoice)).isEqualByComparingTo("81.00");
		assertThat(refundedHistory(payment)).isEqualTo(1);
		assertThat(this.sandbox.findRefund(neverSent.reference()).orElseThrow().succeeded()).isFalse();
	}

	@Test
	void theSandboxLosesTheAnswersOfRefundsOfAPaymentMadeWithTheLostAnswerCard() throws Exception {
		String invoice = this.demo.newDueInvoice();
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), null, DemoData.newCard("4000000000007775"));
		assertThat(payment.status()).isEqualTo(PaymentStatus.UNKNOWN);
		this.reconciler.reconcileAll();

		Refund lost = this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("6.00", "USD"),
				"sandbox-lost-1", null, this.demo.admin()).refund();

		assertThat(lost.status().name()).isEqualTo("UNKNOWN");
		assertThat(this.sandbox.findRefund(lost.reference()).orElseThrow().succeeded()).isTrue();
		assertThat(this.reconciler.reconcileRefunds()).isEqualTo(1);
		assertThat(refundStatus("sandbox-lost-1")).isEqualTo("SUCCEEDED");
		assertThat(paidOf(invoice)).isEqualByComparingTo("100.00");
		assertThat(this.reconciler.reconcileRefunds()).isZero();
	}

}
