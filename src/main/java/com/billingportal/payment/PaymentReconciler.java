package com.billingportal.payment;

import java.time.Clock;
import java.time.Instant;

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
 * left alone until the verification times out. It first runs shortly after a node starts.
 */
@Component
public class PaymentReconciler {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

	private final PaymentRepository payments;

	private final PaymentService paymentService;

	private final PaymentProperties properties;

	private final Clock clock;

	PaymentReconciler(PaymentRepository payments, PaymentService paymentService, PaymentProperties properties,
			GatewayProperties gateway, Clock clock) {
		if (properties.pendingGrace().compareTo(gateway.timeout()) <= 0) {
			// Otherwise the reconciler could cancel a charge whose answer the payer is still waiting for.
			throw new IllegalStateException("billing.payments.pending-grace (" + properties.pendingGrace()
					+ ") must be longer than billing.gateway.timeout (" + gateway.timeout() + ")");
		}
		this.payments = payments;
		this.paymentService = paymentService;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${billing.payments.reconcile-interval:1m}",
			initialDelayString = "${billing.payments.reconcile-initial-delay:10s}")
	public void reconcileScheduled() {
		reconcileAll();
	}

	/** One pass over every unsettled payment; returns how many it settled. */
	public int reconcileAll() {
		Instant now = this.clock.instant();
		int settled = 0;
		for (Long id : this.payments.findUnsettledIds(now.minus(this.properties.pendingGrace()))) {
			try {
				Payment payment = this.payments.findById(id).orElseThrow();
				Payment after;
				if (payment.requiresAction()) {
					if (payment.updatedAt().isAfter(now.minus(this.properties.verificationTimeout()))) {
						continue;
					}
					after = this.paymentService.expireVerification(id);
				}
				else {
					after = this.paymentService.reconcile(id);
				}
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

}
