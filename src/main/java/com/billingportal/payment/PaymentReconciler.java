package com.billingportal.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.billingportal.audit.AuditService.Actor;
import com.billingportal.invoice.Invoice;
import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.payment.PaymentStates.Source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles payments whose outcome the portal does not know: Unknown ones (the gateway's answer was
 * lost) and Pending ones left behind by a node that stopped mid-payment (after the gateway charged,
 * before the invoice was marked Paid). It asks the gateway by the payment's reference and settles
 * under row locks, so it is safe to run on every node at once: whoever settles a payment first
 * wins, the others find it settled. Pending payments waiting for the payer's bank verification are
 * left alone until the verification times out. Refunds whose answer never came are settled the same
 * way ({@link #reconcileRefunds}). It first runs shortly after a node starts.
 */
@Component
public class PaymentReconciler {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

	private final PaymentRepository payments;

	private final PaymentAllocationRepository allocations;

	private final PaymentSettlement settlement;

	private final PaymentGateway gateway;

	private final GatewayCalls calls;

	private final PaymentProperties properties;

	private final RefundRepository refunds;

	private final RefundService refundService;

	private final Clock clock;

	PaymentReconciler(PaymentRepository payments, PaymentAllocationRepository allocations, PaymentSettlement settlement, PaymentGateway gateway,
			GatewayCalls calls, PaymentProperties properties, GatewayProperties gatewayProperties,
			RefundRepository refunds, RefundService refundService, Clock clock) {
		if (properties.pendingGrace().compareTo(gatewayProperties.timeout()) <= 0) {
			// Otherwise the reconciler could cancel a charge whose answer the payer is still waiting for.
			throw new IllegalStateException("billing.payments.pending-grace (" + properties.pendingGrace()
					+ ") must be longer than billing.gateway.timeout (" + gatewayProperties.timeout() + ")");
		}
		this.payments = payments;
		this.allocations = allocations;
		this.settlement = settlement;
		this.gateway = gateway;
		this.calls = calls;
		this.properties = properties;
		this.refunds = refunds;
		this.refundService = refundService;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${billing.payments.reconcile-interval:1m}",
			initialDelayString = "${billing.payments.reconcile-initial-delay:10s}")
	public void reconcileScheduled() {
		reconcileAll();
		reconcileRefunds();
	}

	/**
	 * One pass over every refund whose answer never came: Unknown ones, and Pending ones older than
	 * the grace period (a node stopped between asking the gateway and recording its answer; a
	 * younger one may still be waiting for it). Returns how many it settled; a refund another node
	 * settled first is left as that node settled it.
	 */
	public int reconcileRefunds() {
		int settled = 0;
		for (String reference : this.refunds.findUnsettled(this.clock.instant().minus(this.properties.pendingGrace()))) {
			try {
				settled += this.refundService.reconcile(reference) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not reconcile refund {}: {}", reference, ex.toString());
			}
		}
		return settled;
	}

	/** One pass over every unsettled payment; returns how many it settled. */
	public int reconcileAll() {
		Instant now = this.clock.instant();
		int settled = 0;
		for (Long id : this.payments.findUnsettledIds(now.minus(this.properties.pendingGrace()))) {
			try {
				Payment after = reconcileOrExpire(this.payments.findById(id).orElseThrow(), now);
				if (after.status().isSettled()) {
					settled++;
					log.info("Reconciled payment {}: {}", after.reference(), after.status());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not reconcile payment {}: {}", id, ex.toString());
			}
		}
		return settled;
	}

	private Payment reconcileOrExpire(Payment payment, Instant now) {
		if (!payment.isAwaitingVerification()) {
			return reconcile(payment);
		}
		return payment.isVerificationExpired(now, this.properties.verificationTimeout()) ? expireVerification(payment)
				: payment;
	}

	/**
	 * Before a new attempt, asks the gateway about an earlier one that is stale (see
	 * {@link Payment#isStale}), so that a lost answer does not block the invoice longer than it must.
	 */
	public void reconcileBeforeNewAttempt(Invoice invoice) {
		this.allocations.findActivePayment(invoice.id())
			.filter((p) -> p.isStale(this.clock.instant(), this.properties.pendingGrace()))
			.ifPresent(this::reconcile);
	}

	/**
	 * Finds out the outcome of an open payment from the gateway and settles it: a charge the gateway
	 * has settles the payment as the gateway says; one it never received is cancelled there (so it
	 * can never arrive later) and the payment fails, the invoice payable again.
	 */
	private Payment reconcile(Payment payment) {
		if (payment.status().isSettled() || payment.isAwaitingVerification()) {
			return payment;
		}
		ChargeResult answer;
		try {
			Optional<ChargeResult> known = this.calls.call(() -> this.gateway.find(payment.reference()));
			answer = known.isPresent() ? known.get() : this.calls.call(() -> this.gateway.cancel(payment.reference()));
		}
		catch (RuntimeException ex) {
			log.warn("Gateway could not be asked about payment {}: {}", payment.reference(), ex.getMessage());
			return payment;
		}
		return this.settlement.settle(payment.id(), answer, Actor.SYSTEM, Source.RECONCILER);
	}

	/** Abandons a verification the payer never completed. */
	private Payment expireVerification(Payment payment) {
		ChargeResult answer = this.calls
			.call(() -> this.gateway.completeVerification(payment.reference(), false));
		return this.settlement.settle(payment.id(), answer, Actor.SYSTEM, Source.EXPIRY);
	}

}
