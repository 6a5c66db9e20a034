package com.billingportal.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.billingportal.account.AccountAccess;
import com.billingportal.audit.AuditEvent;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.card.NewCardForm;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.Payability;
import com.billingportal.payment.PaymentGateway.ChargeRequest;
import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.payment.PaymentGateway.GatewayTimeoutException;
import com.billingportal.portal.NotFoundException;
import com.billingportal.portal.NotPermittedException;
import com.billingportal.profile.BillingProfileService;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays invoices so that money never moves twice:
 * <ol>
 * <li>a Pending payment with the form's idempotency key is committed, with the invoice row locked
 * and turned Processing, before the gateway is called;</li>
 * <li>the gateway is called outside any transaction, keyed by the payment's reference, and waited
 * for at most {@code billing.gateway.timeout};</li>
 * <li>its answer is settled in a second transaction (invoice Paid, or payable again), or the
 * payment is left Unknown for the {@link PaymentReconciler}.</li>
 * </ol>
 * The same form posted again finds its first payment. A unique constraint on the invoice's one
 * live payment backs the row lock. Every state change writes an audit event
 * ({@link PaymentStateChange}) in the transaction that makes it.
 */
@Service
public class PaymentService {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

	/** Where an answer comes from; it decides the reason kept in the payment's history. */
	private enum Source {

		ANSWER, VERIFICATION, RECONCILER, EXPIRY

	}

	private final PaymentRepository payments;

	private final InvoiceService invoices;

	private final CardService cards;

	private final BillingProfileService profiles;

	private final PaymentGateway gateway;

	private final AuditService audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final GatewayProperties gatewayProperties;

	private final PaymentProperties properties;

	/** Gateway calls run here so that the portal can stop waiting after the timeout. */
	private final ExecutorService gatewayCalls;

	PaymentService(PaymentRepository payments, InvoiceService invoices, CardService cards,
			BillingProfileService profiles, PaymentGateway gateway, AuditService audit,
			PlatformTransactionManager transactionManager, Clock clock, GatewayProperties gatewayProperties,
			PaymentProperties properties) {
		this.payments = payments;
		this.invoices = invoices;
		this.cards = cards;
		this.profiles = profiles;
		this.gateway = gateway;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.gatewayProperties = gatewayProperties;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.gatewayCalls = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), (r) -> {
			Thread t = new Thread(r, "gateway-call-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@PreDestroy
	void stop() {
		this.gatewayCalls.shutdown();
	}

	public static boolean isValidIdempotencyKey(String key) {
		return key != null && IDEMPOTENCY_KEY.matcher(key).matches();
	}

	/**
	 * Pays the invoice with a saved card ({@code cardId}) or a new one ({@code newCard}). The amount
	 * is the invoice's amount due, read under the row lock: nothing the browser sends can change it.
	 */
	public Payment pay(AccountAccess access, Actor actor, String invoiceNumber, String idempotencyKey, Long cardId,
			NewCardForm newCard) {
		if (!access.canPayInvoices()) {
			this.tx.executeWithoutResult((status) -> this.audit.record(actor, "PAYMENT_REFUSED", "Invoice",
					invoiceNumber, access.accountId(), "not the billing account admin"));
			throw NotPermittedException.notAdminToPay();
		}
		if (!isValidIdempotencyKey(idempotencyKey)) {
			throw PaymentRefusedException.staleForm();
		}
		Invoice invoice = this.invoices.invoice(access.accountId(), invoiceNumber);
		reconcileBeforeNewAttempt(invoice);
		// The vault is called before the invoice is locked: a slow vault must not hold the lock.
		CardService.PreparedCard prepared = (cardId == null) ? this.cards.prepare(access, newCard) : null;
		Started started;
		try {
			started = this.tx.execute((status) -> start(access, actor, invoiceNumber, idempotencyKey, cardId, prepared));
		}
		catch (PaymentRefusedException ex) {
			this.audit.recordRefusal(actor, "PAYMENT_REFUSED", "Invoice", invoiceNumber, access.accountId(),
					ex.messageKey());
			throw ex;
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// Another request (on this node or another) inserted the invoice's live payment or this
			// key first, or held the invoice's lock too long: its payment is the one that counts.
			log.info("Concurrent attempt on invoice {} lost: {}", invoiceNumber, ex.getClass().getSimpleName());
			return this.payments.findByIdempotencyKey(idempotencyKey)
				.filter((p) -> p.invoiceId() == invoice.id())
				.orElseThrow(PaymentRefusedException::inProgress);
		}
		if (started.replay()) {
			return started.payment();
		}
		return charge(started.payment(), started.token(), invoiceNumber, actor);
	}

	private Started start(AccountAccess access, Actor actor, String invoiceNumber, String idempotencyKey, Long cardId,
			CardService.PreparedCard newCard) {
		Invoice invoice = this.invoices.lockForPayment(access.accountId(), invoiceNumber);
		Optional<Payment> sameForm = this.payments.findByIdempotencyKey(idempotencyKey);
		if (sameForm.isPresent()) {
			Payment earlier = sameForm.get();
			if (earlier.invoiceId() != invoice.id() || earlier.billingAccountId() != access.accountId()) {
				throw PaymentRefusedException.staleForm();
			}
			return new Started(earlier, null, true);
		}
		// Read under the invoice's row lock: a payment in flight has made it Processing, a
		// succeeded one Paid. The unique live payment per invoice backs this up in the database.
		Payability payability = this.invoices.payability(access, invoice);
		if (!payability.isPayNow()) {
			throw PaymentRefusedException.because(payability);
		}
		CreditCard card;
		String token;
		boolean savesCard = false;
		boolean makeDefault = false;
		if (cardId != null) {
			card = this.cards.lockCard(access.accountId(), cardId);
			if (card.isExpiredAt(this.cards.currentMonth())) {
				throw PaymentRefusedException.cardExpired();
			}
			token = card.gatewayToken();
		}
		else {
			CardService.AddedCard added = this.cards.addForPayment(access, actor, newCard, invoice.billingProfileId());
			card = added.card();
			token = added.chargeToken();
			savesCard = added.created();
			makeDefault = newCard.makeDefault();
		}
		Instant now = this.clock.instant();
		Payment payment = this.payments.saveAndFlush(new Payment(invoice.id(), access.accountId(), card.id(),
				actor.userId(), invoice.amountDue(), idempotencyKey, savesCard, makeDefault, now));
		invoice.startPayment();
		recordChange(actor, payment, PaymentStateChange.NEW, ChangeReason.STARTED, "invoice " + invoice.number() + ", "
				+ payment.amount() + ", " + card.brand().displayName() + " ending " + card.lastFour());
		return new Started(payment, token, false);
	}

	private Payment charge(Payment payment, String token, String invoiceNumber, Actor actor) {
		ChargeResult result;
		try {
			result = callGateway(() -> this.gateway.charge(new ChargeRequest(payment.reference(), token,
					payment.amount(), "Invoice " + invoiceNumber)));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for payment {}: {}", payment.reference(), ex.getMessage());
			return markUnknown(payment.id(), actor, ChangeReason.NO_ANSWER);
		}
		try {
			return settle(payment.id(), result, actor, Source.ANSWER);
		}
		catch (RuntimeException ex) {
			// The gateway has answered but the answer is not recorded: whatever happened, the
			// reconciler will ask the gateway again. Money never moves twice: the key is the same.
			log.error("Gateway answer for payment {} could not be recorded: {}", payment.reference(), ex.toString());
			return markUnknown(payment.id(), actor, ChangeReason.NOT_RECORDED);
		}
	}

	/** The payer's answer to the bank's verification step (3-D Secure). */
	public Payment completeVerification(AccountAccess access, Actor actor, String paymentReference, boolean verified) {
		if (!access.canPayInvoices()) {
			throw NotPermittedException.notAdminToPay();
		}
		Payment payment = payment(access, paymentReference);
		if (payment.status() != PaymentStatus.PENDING || !payment.requiresAction()) {
			return payment;
		}
		ChargeResult result;
		try {
			result = callGateway(() -> this.gateway.completeVerification(payment.reference(), verified));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for verification of {}: {}", payment.reference(), ex.getMessage());
			return markUnknown(payment.id(), actor, ChangeReason.NO_ANSWER);
		}
		return settle(payment.id(), result, actor, Source.VERIFICATION);
	}

	/**
	 * Settles a gateway answer, once: under the invoice's row lock, and only while the payment is
	 * still open. Another node (or the reconciler) that settled it first wins; this is a no-op.
	 */
	private Payment settle(long paymentId, ChargeResult result, Actor actor, Source source) {
		return this.tx.execute((status) -> {
			Invoice invoice = this.invoices.lockForPayment(this.payments.invoiceIdOf(paymentId));
			Payment payment = this.payments.lockById(paymentId).orElseThrow();
			if (payment.status().isSettled()) {
				return payment;
			}
			Actor who = (actor != null) ? actor : Actor.SYSTEM;
			Instant now = this.clock.instant();
			String from = payment.status().name();
			switch (result.outcome()) {
				case SUCCEEDED -> {
					payment.succeeded(result.reference(), now);
					invoice.markPaid(now);
					if (payment.makeDefault()) {
						this.profiles.makeDefault(payment.billingAccountId(), invoice.billingProfileId(),
								payment.cardId());
						this.audit.record(who, "CARD_MADE_DEFAULT", "CreditCard", payment.cardId(),
								payment.billingAccountId(), "billing profile " + invoice.billingProfileId());
					}
					ChangeReason reason = switch (source) {
						case ANSWER -> ChangeReason.CHARGED;
						case VERIFICATION -> ChangeReason.VERIFIED;
						case RECONCILER, EXPIRY -> ChangeReason.RECONCILED_CHARGED;
					};
					recordChange(who, payment, from, reason, "invoice " + invoice.number() + " paid");
				}
				case DECLINED -> {
					payment.failed(result.reason(), result.declineCode(), now);
					invoice.paymentFailed();
					if (payment.savesCard()) {
						this.cards.discard(payment.billingAccountId(), payment.cardId(),
								this.payments.existsByCardIdAndIdNot(payment.cardId(), payment.id()), who);
					}
					ChangeReason reason = switch (source) {
						case ANSWER -> ChangeReason.DECLINED;
						case VERIFICATION -> ChangeReason.VERIFICATION_FAILED;
						case EXPIRY -> ChangeReason.VERIFICATION_EXPIRED;
						case RECONCILER -> "canceled".equals(result.declineCode())
								? ChangeReason.RECONCILED_NOT_RECEIVED : ChangeReason.RECONCILED_DECLINED;
					};
					recordChange(who, payment, from, reason, result.declineCode());
				}
				case REQUIRES_VERIFICATION -> {
					if (payment.status() == PaymentStatus.PENDING && payment.requiresAction()) {
						return payment;
					}
					payment.awaitVerification(result.reference(), now);
					recordChange(who, payment, from, ChangeReason.VERIFICATION_REQUIRED, null);
				}
			}
			return payment;
		});
	}

	private Payment markUnknown(long paymentId, Actor actor, ChangeReason reason) {
		return this.tx.execute((status) -> {
			Payment payment = this.payments.lockById(paymentId).orElseThrow();
			if (!payment.status().isSettled() && payment.status() != PaymentStatus.UNKNOWN) {
				String from = payment.status().name();
				payment.unknown(this.clock.instant());
				recordChange(actor, payment, from, reason, null);
			}
			return payment;
		});
	}

	private void recordChange(Actor actor, Payment payment, String from, ChangeReason reason, String extra) {
		String action = (reason == ChangeReason.VERIFICATION_REQUIRED) ? "PAYMENT_VERIFICATION_REQUIRED"
				: "PAYMENT_" + payment.status().name();
		this.audit.record(actor, action, "Payment", payment.reference(), payment.billingAccountId(),
				PaymentStateChange.detail(from, payment.status(), reason, extra));
	}

	/**
	 * Before a new attempt, asks the gateway about an earlier one whose outcome is not known (an
	 * Unknown payment, or a Pending one older than the grace period that nobody answered), so that
	 * a lost answer does not block the invoice longer than it must. A Pending payment that waits for
	 * the payer's bank verification is left alone.
	 */
	public void reconcileBeforeNewAttempt(Invoice invoice) {
		Instant staleBefore = this.clock.instant().minus(this.properties.pendingGrace());
		this.payments.findByActiveInvoiceId(invoice.id())
			.filter((p) -> p.status() == PaymentStatus.UNKNOWN || (p.status() == PaymentStatus.PENDING
					&& !p.requiresAction() && p.updatedAt().isBefore(staleBefore)))
			.ifPresent((p) -> reconcile(p.id()));
	}

	/**
	 * Finds out the outcome of an open payment from the gateway and settles it: a charge the gateway
	 * has settles the payment as the gateway says; one it never received is cancelled there (so it
	 * can never arrive later) and the payment fails, the invoice payable again. A payment waiting
	 * for the payer's verification is not touched: see {@link #expireVerification}.
	 */
	Payment reconcile(long paymentId) {
		Payment payment = this.payments.findById(paymentId).orElseThrow();
		if (payment.status().isSettled()
				|| (payment.status() == PaymentStatus.PENDING && payment.requiresAction())) {
			return payment;
		}
		ChargeResult result;
		try {
			Optional<ChargeResult> known = callGateway(() -> this.gateway.find(payment.reference()));
			result = known.isPresent() ? known.get() : callGateway(() -> this.gateway.cancel(payment.reference()));
		}
		catch (RuntimeException ex) {
			log.warn("Gateway could not be asked about payment {}: {}", payment.reference(), ex.getMessage());
			return payment;
		}
		return settle(paymentId, result, Actor.SYSTEM, Source.RECONCILER);
	}

	/** Abandons a verification the payer never completed. */
	Payment expireVerification(long paymentId) {
		Payment payment = this.payments.findById(paymentId).orElseThrow();
		if (payment.status() != PaymentStatus.PENDING || !payment.requiresAction()) {
			return payment;
		}
		ChargeResult result = callGateway(() -> this.gateway.completeVerification(payment.reference(), false));
		return settle(paymentId, result, Actor.SYSTEM, Source.EXPIRY);
	}

	/**
	 * Calls the gateway and waits for its answer at most {@code billing.gateway.timeout}; no answer
	 * in time is a {@link GatewayTimeoutException}, whatever the gateway goes on to do.
	 */
	private <T> T callGateway(Callable<T> call) {
		Future<T> answer;
		try {
			answer = this.gatewayCalls.submit(call);
		}
		catch (RejectedExecutionException ex) {
			throw new GatewayTimeoutException("Too many gateway calls in flight");
		}
		try {
			return answer.get(this.gatewayProperties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Stop waiting, but do not interrupt the call: it may be inside a database or network
			// operation that an interrupt would break. Its answer, when it comes, is not read.
			answer.cancel(false);
			throw new GatewayTimeoutException("No answer within " + this.gatewayProperties.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.cancel(false);
			throw new GatewayTimeoutException("Interrupted while waiting for the gateway");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** The account's payment by its reference, or 404. */
	public Payment payment(AccountAccess access, String reference) {
		return this.payments.findByReferenceAndBillingAccountId(reference, access.accountId())
			.orElseThrow(() -> new NotFoundException("Payment"));
	}

	/**
	 * One page of the account's payments, newest first, filtered and paged in the database, each
	 * with its state changes from the audit trail (read for the whole page in one query).
	 */
	@Transactional(readOnly = true)
	public PaymentPage page(AccountAccess access, PaymentStatus status, InvoiceFilter.TimeSpan span, int page) {
		LocalDate since = span.since(LocalDate.now(this.clock));
		Page<PaymentRow> rows = this.payments.findRows(access.accountId(), status,
				(since != null) ? since.atStartOfDay(this.clock.getZone()).toInstant() : null,
				PageRequest.of(Math.max(page, 0), this.properties.pageSize()));
		Map<String, List<PaymentStateChange>> history = new HashMap<>();
		List<String> references = rows.stream().map(PaymentRow::reference).toList();
		for (AuditEvent event : this.audit.eventsFor("Payment", references)) {
			PaymentStateChange.of(event)
				.ifPresent((change) -> history.computeIfAbsent(change.paymentReference(), (r) -> new ArrayList<>())
					.add(change));
		}
		return new PaymentPage(rows, history);
	}

	/** A page of payments and, by payment reference, each one's state changes, oldest first. */
	public record PaymentPage(Page<PaymentRow> rows, Map<String, List<PaymentStateChange>> history) {

		public List<PaymentStateChange> historyOf(String reference) {
			return this.history.getOrDefault(reference, List.of());
		}

	}

	public List<Payment> paymentsOf(Invoice invoice) {
		return this.payments.findByInvoiceIdOrderByCreatedAtDesc(invoice.id());
	}

	/** True when an invoice still due has a failed payment: the overview's "problem with your payment method". */
	public boolean hasFailedPaymentOnOpenInvoice(long accountId) {
		return this.payments.existsFailedOnOpenInvoice(accountId);
	}

	private record Started(Payment payment, String token, boolean replay) {
	}

}
