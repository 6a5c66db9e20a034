package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.billingportal.audit.AuditService.Actor;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.PaymentGateway.RefundRequest;
import com.billingportal.payment.PaymentGateway.RefundResult;
import com.billingportal.portal.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds a succeeded payment, fully or in part, never beyond what was paid:
 * <ol>
 * <li>with the payment's row locked, the refund is split over the invoices the payment paid (see
 * {@link #split}) and committed Pending: the refund and its parts hold their amounts, so the next
 * refund finds less left; the same idempotency key again finds it;</li>
 * <li>the gateway is called outside any transaction, keyed by the refund's reference;</li>
 * <li>its answer settles the refund, once, under the invoices' and the payment's row locks:
 * Succeeded (each invoice's balance grows by its part, an invoice with a balance is payable again)
 * or Failed (nothing moves, the amounts held are free again).</li>
 * </ol>
 * A refund whose answer never came is Unknown (Pending when the node stopped before it could say so)
 * and holds its amount until the reconciler ({@link PaymentReconciler}) asks the gateway and settles it.
 */
@Service
public class RefundService {

	private static final Logger log = LoggerFactory.getLogger(RefundService.class);

	private final PaymentRepository payments;

	private final RefundRepository refunds;

	private final RefundAllocationRepository parts;

	private final PaymentAllocationRepository allocations;

	private final InvoiceService invoices;

	private final PaymentGateway gateway;

	private final GatewayCalls calls;

	private final PaymentHistory history;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RefundService(PaymentRepository payments, RefundRepository refunds, RefundAllocationRepository parts,
			PaymentAllocationRepository allocations, InvoiceService invoices, PaymentGateway gateway, GatewayCalls calls,
			PaymentHistory history, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
			Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.parts = parts;
		this.allocations = allocations;
		this.invoices = invoices;
		this.gateway = gateway;
		this.calls = calls;
		this.history = history;
		this.tx = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
	}

	/** {@link #refund(long, String, Money, String, String, String, Actor)} without naming an invoice. */
	public Refunded refund(long accountId, String paymentReference, Money amount, String idempotencyKey,
			String reason, Actor actor) {
		return refund(accountId, paymentReference, amount, null, idempotencyKey, reason, actor);
	}

	/**
	 * Refunds {@code amount} (null: all that is left) of the account's payment, from the invoice
	 * {@code invoiceNumber} (null: from the payment's invoices, the last allocation first). Answers
	 * the refund, where it goes, and whether this call created it (false: the same key came before).
	 */
	public Refunded refund(long accountId, String paymentReference, Money amount, String invoiceNumber,
			String idempotencyKey, String reason, Actor actor) {
		Refund started;
		boolean created;
		try {
			Refunded reserved = this.tx.execute(
					(status) -> reserve(accountId, paymentReference, amount, invoiceNumber, idempotencyKey, reason));
			started = reserved.refund();
			created = reserved.created();
		}
		catch (DataIntegrityViolationException ex) {
			// The same key at the same moment: the first request's refund is the one.
			Refunded first = this.tx.execute(
					(status) -> reserve(accountId, paymentReference, amount, invoiceNumber, idempotencyKey, reason));
			return described(first.refund(), false);
		}
		if (!created || started.status() != Refund.Status.PENDING) {
			return described(started, created);
		}
		RefundResult answer;
		try {
			answer = this.calls.call(() -> this.gateway.refund(
					new RefundRequest(started.reference(), paymentReference, started.amount())));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for refund {}: {}", started.reference(), ex.getMessage());
			this.tx.executeWithoutResult((status) -> this.refunds.markUnknown(started.reference(), this.clock.instant()));
			return described(this.tx.execute((status) -> this.refunds.findByReference(started.reference()).orElseThrow()),
					true);
		}
		return described(settle(started.reference(), answer, actor).refund(), true);
	}

	/** Inside a transaction: the refund under the key, or a new Pending one holding its parts. */
	Refunded reserve(long accountId, String paymentReference, Money amount, String invoiceNumber, String key,
			String reason) {
		long paymentId = this.payments.idOf(paymentReference, accountId).orElseThrow(() -> new NotFoundException("Payment"));
		// Locked before it is read: what was refunded and what is held are read after the lock.
		Payment payment = this.payments.lockById(paymentId).orElseThrow();
		Optional<Refund> earlier = this.refunds.findByPaymentIdAndIdempotencyKey(payment.id(), key);
		if (earlier.isPresent()) {
			if ((amount != null && !earlier.get().amount().equals(amount))
					|| (invoiceNumber != null && !invoiceNumber.equals(onlyInvoiceOf(earlier.get(), accountId)))) {
				throw new RefundRefused(null, "The idempotency key was used for another refund");
			}
			return new Refunded(earlier.get(), false, List.of());
		}
		if (payment.status() != PaymentStatus.SUCCEEDED) {
			throw new RefundRefused(null, "Only a succeeded payment can be refunded");
		}
		Map<Long, Money> split = split(payment, amount, invoiceId(payment, invoiceNumber));
		Money total = split.values().stream().reduce(Money::plus).orElseThrow();
		Refund refund = this.refunds.saveAndFlush(new Refund(payment, total, key, reason, this.clock.instant()));
		split.forEach((invoiceId, part) -> this.parts.save(new RefundAllocation(refund.id(), invoiceId, part.amount())));
		this.parts.flush();
		return new Refunded(refund, true, List.of());
	}

	/**
	 * Where a refund of {@code amount} (null: all that is left) goes, invoice by invoice: to the
	 * invoice asked for (null: to the payment's invoices, the last allocation first, each up to what
	 * it received from this payment less what is refunded or held by refunds in flight). Refused
	 * beyond that, in another currency, or for nothing.
	 */
	private Map<Long, Money> split(Payment payment, Money amount, Long invoiceId) {
		String currency = payment.amount().currencyCode();
		Map<Long, BigDecimal> held = new HashMap<>();
		this.parts.inFlightByInvoice(payment.id()).forEach((row) -> held.put((Long) row[0], (BigDecimal) row[1]));
		Map<Long, BigDecimal> room = new LinkedHashMap<>();
		for (PaymentAllocation allocation : this.allocations.findByPaymentIdOrderByIdDesc(payment.id())) {
			if (invoiceId == null || invoiceId == allocation.invoiceId()) {
				room.put(allocation.invoiceId(), allocation.amount()
					.subtract(allocation.amountRefunded())
					.subtract(held.getOrDefault(allocation.invoiceId(), BigDecimal.ZERO)));
			}
		}
		BigDecimal heldAll = held.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal left = room.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.min(payment.unrefunded().amount().subtract(heldAll));
		Money asked = (amount != null) ? amount : Money.of(left, currency);
		if (!asked.currencyCode().equals(currency)) {
			throw new RefundRefused("amount", "The amount must be in the payment's currency, " + currency);
		}
		if (!asked.isPositive() || asked.amount().compareTo(left) > 0) {
			throw new RefundRefused("amount", "At most " + Money.of(left.max(BigDecimal.ZERO), currency) + " of this "
					+ ((invoiceId != null) ? "payment's invoice" : "payment") + " can be refunded");
		}
		Map<Long, Money> split = new LinkedHashMap<>();
		BigDecimal rest = asked.amount();
		for (Map.Entry<Long, BigDecimal> invoice : room.entrySet()) {
			BigDecimal part = rest.min(invoice.getValue());
			if (part.signum() > 0) {
				split.put(invoice.getKey(), Money.of(part, currency));
				rest = rest.subtract(part);
			}
		}
		return split;
	}

	/** The id of the invoice the request names, one the payment paid; null when it names none. */
	private Long invoiceId(Payment payment, String invoiceNumber) {
		if (invoiceNumber == null) {
			return null;
		}
		return this.invoices.invoicesOf(payment.billingAccountId(), this.allocations.invoiceIdsOf(payment.id()))
			.stream()
			.filter((i) -> i.number().equals(invoiceNumber))
			.map(Invoice::id)
			.findFirst()
			.orElseThrow(() -> new RefundRefused("invoiceNumber", "The payment did not pay invoice " + invoiceNumber));
	}

	private String onlyInvoiceOf(Refund refund, long accountId) {
		List<Part> parts = partsOf(refund.reference(), accountId);
		return (parts.size() == 1) ? parts.get(0).invoiceNumber() : null;
	}

	/**
	 * Records the gateway's answer for the refund, once: under the rows of the invoices it gives back
	 * to and of the payment, locked in the order payments lock them. The refund found settled
	 * already (by another node, or by the reconciler) is left as it is.
	 */
	Settled settle(String refundReference, RefundResult answer, Actor actor) {
		return this.tx.execute((status) -> {
			List<RefundAllocation> split = this.parts.partsOf(refundReference);
			List<Invoice> locked = split.stream().map(RefundAllocation::invoiceId).map(this.invoices::lockForPayment)
				.toList();
			Payment payment = this.payments.lockById(this.refunds.paymentIdOf(refundReference)).orElseThrow();
			Refund refund = this.refunds.findByReference(refundReference).orElseThrow();
			Instant now = this.clock.instant();
			if (!refund.settle(answer.succeeded(), answer.reference(), now)) {
				return new Settled(refund, false);
			}
			if (answer.succeeded()) {
				giveBack(refund, payment, locked, split, actor, now);
			}
			return new Settled(refund, true);
		});
	}

	/**
	 * The refund went through: each invoice's balance grows by its part, and the payment no longer
	 * holds an invoice that has a balance again, so that it can be paid.
	 */
	private void giveBack(Refund refund, Payment payment, List<Invoice> locked, List<RefundAllocation> split,
			Actor actor, Instant now) {
		Map<Long, PaymentAllocation> allocated = this.allocations.findByPaymentIdOrderByInvoiceIdAsc(payment.id())
			.stream()
			.collect(Collectors.toMap(PaymentAllocation::invoiceId, Function.identity()));
		Map<Long, BigDecimal> byInvoice = split.stream()
			.collect(Collectors.toMap(RefundAllocation::invoiceId, RefundAllocation::amount));
		String currency = refund.amount().currencyCode();
		List<String> balances = new ArrayList<>();
		for (Invoice invoice : locked) {
			BigDecimal part = byInvoice.get(invoice.id());
			invoice.refunded(Money.of(part, currency));
			allocated.get(invoice.id()).refunded(part);
			if (invoice.balanceDue().isPositive()) {
				allocated.get(invoice.id()).release();
				if (invoice.id() == payment.invoiceId()) {
					payment.releaseFirstInvoice(now);
				}
			}
			balances.add("invoice " + invoice.number() + " " + Money.of(part, currency) + ", balance " + invoice.balanceDue());
		}
		payment.refundSucceeded(refund.amount(), now);
		this.history.record(actor, payment, payment.status().name(), ChangeReason.REFUNDED,
				refund.amount() + " refunded: " + String.join("; ", balances));
		this.events.publishEvent(new PaymentRefunded(UUID.randomUUID(), payment.id(), payment.billingAccountId(),
				payment.reference(), refund.reference()));
	}

	/**
	 * Asks the gateway about a refund whose answer never came and settles it: as the gateway says
	 * when it received the refund; one it never received is cancelled there (so that it can never
	 * arrive later) and fails. Safe on every node at once: only the first settles it.
	 */
	boolean reconcile(String refundReference) {
		RefundResult answer = this.calls.call(() -> this.gateway.findRefund(refundReference))
			.orElseGet(() -> this.calls.call(() -> this.gateway.cancelRefund(refundReference)));
		Settled settled = settle(refundReference, answer, Actor.SYSTEM);
		if (settled.changed()) {
			log.info("Reconciled refund {}: {}", refundReference, settled.refund().status());
		}
		return settled.changed();
	}

	/** The refund with the invoices it gives back to, as the API shows it. */
	private Refunded described(Refund refund, boolean created) {
		return new Refunded(refund, created, this.tx.execute((status) -> partsOf(refund.reference(),
				this.payments.findById(refund.paymentId()).orElseThrow().billingAccountId())));
	}

	private List<Part> partsOf(String refundReference, long accountId) {
		List<RefundAllocation> split = this.parts.partsOf(refundReference);
		Map<Long, String> numbers = this.invoices
			.invoicesOf(accountId, split.stream().map(RefundAllocation::invoiceId).toList())
			.stream()
			.collect(Collectors.toMap(Invoice::id, Invoice::number));
		return split.stream().map((p) -> new Part(numbers.get(p.invoiceId()), p.amount())).toList();
	}

	/** A refund, where it goes, and whether this request created it. */
	public record Refunded(Refund refund, boolean created, List<Part> parts) {
	}

	/** What a refund gives back to one invoice (amount in the refund's currency). */
	public record Part(String invoiceNumber, BigDecimal amount) {
	}

	record Settled(Refund refund, boolean changed) {
	}

	/** Not refundable as asked; {@code field} names the request's field at fault, if one is. */
	public static class RefundRefused extends RuntimeException {

		private final String field;

		public RefundRefused(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

}
