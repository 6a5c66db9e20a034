package com.billingportal.payment;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import org.springframework.stereotype.Component;

/**
 * Writes each state change of a payment twice, in the caller's transaction: as a row of the
 * payment's history, and as an audit event (who did what); reads the history back.
 */
@Component
class PaymentHistory {

	private final PaymentStateChangeRepository changes;

	private final AuditService audit;

	private final Clock clock;

	PaymentHistory(PaymentStateChangeRepository changes, AuditService audit, Clock clock) {
		this.changes = changes;
		this.audit = audit;
		this.clock = clock;
	}

	/** The payment has just moved from {@code from} by {@code reason}. */
	void record(Actor actor, Payment payment, String from, ChangeReason reason, String detail) {
		PaymentStateChange change = this.changes
			.save(new PaymentStateChange(payment, from, reason, detail, actor, this.clock.instant()));
		String action = switch (reason) {
			case VERIFICATION_REQUIRED -> "PAYMENT_VERIFICATION_REQUIRED";
			case REFUNDED -> "PAYMENT_REFUNDED";
			default -> "PAYMENT_" + payment.status().name();
		};
		this.audit.record(actor, action, "Payment", payment.reference(), payment.billingAccountId(), change.summary());
	}

	/**
	 * Whether the portal started the payment on its own (automatic payment, actor "system") rather
	 * than a person; the reconciler settling it later does not make it so.
	 */
	boolean startedBySystem(Payment payment) {
		return this.changes.startedBySystem(payment.reference());
	}

	/** The state changes of these payments, oldest first, by payment reference, in one query. */
	Map<String, List<PaymentStateChange>> of(Collection<String> paymentReferences) {
		if (paymentReferences.isEmpty()) {
			return Map.of();
		}
		return this.changes.findByPaymentReferenceInOrderByIdAsc(paymentReferences)
			.stream()
			.collect(Collectors.groupingBy(PaymentStateChange::paymentReference));
	}

}
