package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.CardService;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.payment.PaymentStates.Source;
import com.billingportal.profile.BillingProfileService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the gateway answered (or that it did not), once: under the invoice's and the
 * payment's row locks, and only as {@link PaymentStates} allows. Whoever settles a payment first
 * wins (this node, another one, the reconciler); for the others the event no longer applies and
 * nothing changes.
 */
@Component
class PaymentSettlement {

	private final PaymentRepository payments;

	private final PaymentAllocationRepository allocations;

	private final InvoiceService invoices;

	private final CardService cards;

	private final BillingProfileService profiles;

	private final PaymentHistory history;

	private final AuditService audit;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PaymentSettlement(PaymentRepository payments, PaymentAllocationRepository allocations, InvoiceService invoices, CardService cards,
			BillingProfileService profiles, PaymentHistory history, AuditService audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.payments = payments;
		this.allocations = allocations;
		this.invoices = invoices;
		this.cards = cards;
		this.profiles = profiles;
		this.history = history;
		this.audit = audit;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Settles the gateway's answer: the invoice is Paid, payable again, or waits for the payer. A
	 * payment that succeeds or fails publishes {@link PaymentSucceeded} or {@link PaymentFailed} in
	 * the same transaction: its emails are sent after commit, never inside it.
	 */
	Payment settle(long paymentId, ChargeResult answer, Actor actor, Source source) {
		ChangeReason event = PaymentStates.eventFor(source, answer);
		Actor who = (actor != null) ? actor : Actor.SYSTEM;
		return this.tx.execute((status) -> {
			List<Invoice> invoices = lockInvoicesOf(paymentId);
			Payment payment = this.payments.lockById(paymentId).orElseThrow();
			if (!PaymentStates.applies(payment.state(), event)) {
				return payment;
			}
			String from = payment.status().name();
			Instant now = this.clock.instant();
			payment.apply(event, answer, now);
			String detail = null;
			if (payment.status() == PaymentStatus.SUCCEEDED) {
				paid(who, payment, invoices, now);
				detail = ((invoices.size() == 1) ? "invoice " : "invoices ")
						+ String.join(", ", invoices.stream().map(Invoice::number).toList()) + " paid";
				this.events.publishEvent(new PaymentSucceeded(UUID.randomUUID(), payment.id(),
						payment.billingAccountId(), payment.reference(), payment.actorUserId()));
			}
			else if (payment.status() == PaymentStatus.FAILED) {
				failed(who, payment, invoices);
				detail = answer.declineCode();
				this.events.publishEvent(new PaymentFailed(UUID.randomUUID(), payment.id(), payment.billingAccountId(),
						payment.reference(), payment.failureReason(), payment.declineCode(),
						this.history.startedBySystem(payment)));
			}
			this.history.record(who, payment, from, event, detail);
			return payment;
		});
	}

	/** No answer, or one that could not be recorded: the payment is Unknown until the reconciler asks. */
	Payment markUnknown(long paymentId, Actor actor, ChangeReason event) {
		return this.tx.execute((status) -> {
			Payment payment = this.payments.lockById(paymentId).orElseThrow();
			if (PaymentStates.applies(payment.state(), event)) {
				String from = payment.status().name();
				payment.apply(event, null, this.clock.instant());
				this.history.record(actor, payment, from, event, null);
			}
			return payment;
		});
	}

	/**
	 * The rows of every invoice the payment pays, locked in the order of their ids, the order every
	 * payment takes them in: whoever else pays or settles one of them waits, nobody deadlocks.
	 */
	private List<Invoice> lockInvoicesOf(long paymentId) {
		List<Long> ids = this.allocations.invoiceIdsOf(paymentId);
		if (ids.isEmpty()) {
			ids = List.of(this.payments.invoiceIdOf(paymentId));
		}
		return ids.stream().map(this.invoices::lockForPayment).toList();
	}

	/**
	 * Each of the payment's invoices gets its allocated amount, all together: Paid, or partially
	 * paid when the payment was a part of the balance.
	 */
	private void paid(Actor who, Payment payment, List<Invoice> invoices, Instant now) {
		Map<Long, BigDecimal> parts = this.allocations.findByPaymentIdOrderByInvoiceIdAsc(payment.id())
			.stream()
			.collect(Collectors.toMap(PaymentAllocation::invoiceId, PaymentAllocation::amount));
		for (Invoice invoice : invoices) {
			BigDecimal part = parts.getOrDefault(invoice.id(), payment.amount().amount());
			invoice.applyPayment(Money.of(part, payment.amount().currencyCode()), now);
		}
		if (invoices.stream().anyMatch(Invoice::isPartiallyPaid)) {
			// A part: the balance left may be paid by the next payment, under the same lock and checks.
			payment.releaseInvoice();
			this.allocations.release(payment.id());
		}
		Invoice invoice = invoices.get(0);
		if (payment.makeDefault()) {
			this.profiles.makeDefault(payment.billingAccountId(), invoice.billingProfileId(), payment.cardId());
			this.audit.record(who, "CARD_MADE_DEFAULT", "CreditCard", payment.cardId(), payment.billingAccountId(),
					"billing profile " + invoice.billingProfileId());
		}
	}

	/** None of the payment's invoices is paid: each is payable again, alone or with others. */
	private void failed(Actor who, Payment payment, List<Invoice> invoices) {
		invoices.forEach(Invoice::paymentFailed);
		this.allocations.release(payment.id());
		if (payment.savesCard()) {
			// A declined card typed in the blade is not kept, unless it has paid or been chosen meanwhile.
			this.cards.discard(payment.billingAccountId(), payment.cardId(),
					this.payments.existsByCardIdAndIdNot(payment.cardId(), payment.id()), who);
		}
	}

}
