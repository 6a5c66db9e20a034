package com.billingportal.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.billingportal.audit.AuditService.Actor;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.PaymentGateway.RefundRequest;
import com.billingportal.payment.PaymentGateway.RefundResult;
import com.billingportal.portal.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds a succeeded payment, fully or in part, never beyond what was paid:
 * <ol>
 * <li>with the payment's row locked, the refund's amount is reserved on the payment (refused beyond
 * what is left) and the refund committed Pending; the same idempotency key again finds it;</li>
 * <li>the gateway is called outside any transaction, keyed by the refund's reference;</li>
 * <li>its answer settles the refund: Succeeded (the invoice's balance grows by the amount, a Paid
 * invoice is Due again) or Failed (the reservation is given back).</li>
 * </ol>
 * A refund whose answer never came stays Pending with its amount reserved (nothing is refunded
 * twice; an operator settles it).
 */
@Service
public class RefundService {

	private static final Logger log = LoggerFactory.getLogger(RefundService.class);

	private final PaymentRepository payments;

	private final RefundRepository refunds;

	private final PaymentAllocationRepository allocations;

	private final InvoiceService invoices;

	private final PaymentGateway gateway;

	private final GatewayCalls calls;

	private final PaymentHistory history;

	private final TransactionTemplate tx;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Clock clock;

	RefundService(PaymentRepository payments, RefundRepository refunds, PaymentAllocationRepository allocations,
			InvoiceService invoices,
			PaymentGateway gateway, GatewayCalls calls, PaymentHistory history,
			PlatformTransactionManager transactionManager, org.springframework.context.ApplicationEventPublisher events,
			Clock clock) {
		this.events = events;
		this.payments = payments;
		this.refunds = refunds;
		this.allocations = allocations;
		this.invoices = invoices;
		this.gateway = gateway;
		this.calls = calls;
		this.history = history;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Refunds {@code amount} (null: all that is left) of the account's payment. Answers the refund
	 * and whether this call created it (false: the same key came before).
	 */
	public Refunded refund(long accountId, String paymentReference, Money amount, String idempotencyKey,
			String reason, Actor actor) {
		Refunded started;
		try {
			started = this.tx.execute((status) -> reserve(accountId, paymentReference, amount, idempotencyKey, reason));
		}
		catch (DataIntegrityViolationException ex) {
			// The same key at the same moment: the first request's refund is the one.
			started = this.tx.execute((status) -> reserve(accountId, paymentReference, amount, idempotencyKey, reason));
		}
		if (!started.created() || started.refund().status() != Refund.Status.PENDING) {
			return started;
		}
		Refund refund = started.refund();
		RefundResult answer;
		try {
			answer = this.calls.call(() -> this.gateway.refund(
					new RefundRequest(refund.reference(), paymentReference, refund.amount())));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for refund {}: {}", refund.reference(), ex.getMessage());
			return started;
		}
		return new Refunded(settle(refund.reference(), answer, actor), true);
	}

	private Refunded reserve(long accountId, String paymentReference, Money amount, String key, String reason) {
		Payment payment = this.payments.findByReferenceAndBillingAccountId(paymentReference, accountId)
			.orElseThrow(() -> new NotFoundException("Payment"));
		payment = this.payments.lockById(payment.id()).orElseThrow();
		Optional<Refund> earlier = this.refunds.findByPaymentIdAndIdempotencyKey(payment.id(), key);
		if (earlier.isPresent()) {
			if (amount != null && !earlier.get().amount().equals(amount)) {
				throw new RefundRefused("The idempotency key was used for a refund of another amount");
			}
			return new Refunded(earlier.get(), false);
		}
		if (payment.status() != PaymentStatus.SUCCEEDED) {
			throw new RefundRefused("Only a succeeded payment can be refunded");
		}
		Money refundable = payment.refundable();
		Money asked = (amount != null) ? amount : refundable;
		if (!asked.currencyCode().equals(refundable.currencyCode())) {
			throw new RefundRefused("The amount must be in the payment's currency, " + refundable.currencyCode());
		}
		if (!asked.isPositive() || asked.isGreaterThan(refundable)) {
			throw new RefundRefused("At most " + refundable + " of this payment can be refunded");
		}
		payment.reserveRefund(asked, this.clock.instant());
		return new Refunded(this.refunds.saveAndFlush(new Refund(payment, asked, key, reason, this.clock.instant())),
				true);
	}

	private Refund settle(String refundReference, RefundResult answer, Actor actor) {
		return this.tx.execute((status) -> {
			Refund refund = this.refunds.findByReference(refundReference).orElseThrow();
			Invoice invoice = this.invoices.lockForPayment(this.payments.invoiceIdOf(refund.paymentId()));
			Payment payment = this.payments.lockById(refund.paymentId()).orElseThrow();
			Instant now = this.clock.instant();
			refund.settle(answer.succeeded(), answer.reference(), now);
			if (answer.succeeded()) {
				invoice.refunded(refund.amount());
				payment.refundedFrom(now);
				// The invoice's balance may be paid again: the refunded payment no longer holds it.
				this.allocations.release(payment.id());
				this.history.record(actor, payment, payment.status().name(), ChangeReason.REFUNDED,
						refund.amount() + " refunded, invoice " + invoice.number() + " balance " + invoice.balanceDue());
				this.events.publishEvent(new PaymentRefunded(java.util.UUID.randomUUID(), payment.id(),
						payment.billingAccountId(), payment.reference(), refund.reference()));
			}
			else {
				payment.releaseRefund(refund.amount(), now);
			}
			return refund;
		});
	}

	/** A refund, and whether this request created it. */
	public record Refunded(Refund refund, boolean created) {
	}

	/** Not refundable as asked. */
	public static class RefundRefused extends RuntimeException {

		public RefundRefused(String message) {
			super(message);
		}

	}

}
