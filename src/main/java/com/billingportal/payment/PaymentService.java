package com.billingportal.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.NotPermittedException;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.card.NewCardForm;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.payment.PaymentGateway.ChargeRequest;
import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.portal.NotFoundException;
import com.billingportal.profile.BillingProfileService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays invoices so that money never moves twice:
 * <ol>
 * <li>a Pending payment with the form's idempotency key is committed, with the invoice row locked
 * and turned Processing, before the gateway is called;</li>
 * <li>the gateway is called outside any transaction, keyed by the payment's reference;</li>
 * <li>its answer is settled in a second transaction (invoice Paid, or payable again), or the
 * payment is left Unknown for the {@link PaymentReconciler}.</li>
 * </ol>
 * The same form posted again finds its first payment. A unique constraint on the invoice's one
 * live payment backs the row lock.
 */
@Service
public class PaymentService {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

	private final PaymentRepository payments;

	private final InvoiceService invoices;

	private final CardService cards;

	private final BillingProfileService profiles;

	private final PaymentGateway gateway;

	private final AuditService audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	PaymentService(PaymentRepository payments, InvoiceService invoices, CardService cards,
			BillingProfileService profiles, PaymentGateway gateway, AuditService audit,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.payments = payments;
		this.invoices = invoices;
		this.cards = cards;
		this.profiles = profiles;
		this.gateway = gateway;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
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
		settleEarlierAttempt(access, invoiceNumber);
		Started started;
		try {
			started = this.tx.execute((status) -> start(access, actor, invoiceNumber, idempotencyKey, cardId, newCard));
		}
		catch (DataIntegrityViolationException ex) {
			// Another node inserted the invoice's live payment (or this key) first.
			return this.payments.findByIdempotencyKey(idempotencyKey).orElseThrow(PaymentRefusedException::inProgress);
		}
		if (started.replay()) {
			return started.payment();
		}
		return charge(started.payment(), started.token(), invoiceNumber);
	}

	private Started start(AccountAccess access, Actor actor, String invoiceNumber, String idempotencyKey, Long cardId,
			NewCardForm newCard) {
		Invoice invoice = this.invoices.lockForPayment(access.accountId(), invoiceNumber);
		Optional<Payment> sameForm = this.payments.findByIdempotencyKey(idempotencyKey);
		if (sameForm.isPresent()) {
			Payment earlier = sameForm.get();
			if (earlier.invoiceId() != invoice.id() || earlier.billingAccountId() != access.accountId()) {
				throw PaymentRefusedException.staleForm();
			}
			return new Started(earlier, null, true);
		}
		Optional<Payment> live = this.payments.findByActiveInvoiceId(invoice.id());
		if (live.isPresent()) {
			throw (live.get().status() == PaymentStatus.SUCCEEDED) ? PaymentRefusedException.alreadyPaid()
					: PaymentRefusedException.inProgress();
		}
		if (!invoice.isPayable()) {
			throw invoice.paidAt() != null ? PaymentRefusedException.alreadyPaid() : PaymentRefusedException.notPayable();
		}
		if (!this.invoices.isWithinCardLimit(invoice)) {
			throw PaymentRefusedException.aboveCardLimit();
		}
		CreditCard card;
		boolean savesCard = false;
		boolean makeDefault = false;
		if (cardId != null) {
			card = this.cards.card(access.accountId(), cardId);
			if (card.isExpiredAt(this.cards.currentMonth())) {
				throw PaymentRefusedException.cardExpired();
			}
		}
		else {
			CardService.AddedCard added = this.cards.addForPayment(access, actor, newCard, invoice.billingProfileId());
			card = added.card();
			savesCard = added.created();
			makeDefault = newCard.makeDefault();
		}
		Instant now = this.clock.instant();
		Payment payment = this.payments.saveAndFlush(new Payment(invoice.id(), access.accountId(), card.id(),
				actor.userId(), invoice.amountDue(), idempotencyKey, savesCard, makeDefault, now));
		invoice.startPayment();
		this.audit.record(actor, "PAYMENT_PENDING", "Payment", payment.reference(), access.accountId(),
				"invoice " + invoice.number() + ", " + payment.amount() + ", " + card.brand().displayName() + " ending "
						+ card.lastFour());
		return new Started(payment, card.gatewayToken(), false);
	}

	private Payment charge(Payment payment, String token, String invoiceNumber) {
		ChargeResult result;
		try {
			result = this.gateway.charge(new ChargeRequest(payment.reference(), token, payment.amount(),
					"Invoice " + invoiceNumber));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for payment {}: {}", payment.reference(), ex.getMessage());
			return markUnknown(payment.id());
		}
		return settle(payment.id(), result, null);
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
			result = this.gateway.completeVerification(payment.reference(), verified);
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for verification of {}: {}", payment.reference(), ex.getMessage());
			return markUnknown(payment.id());
		}
		return settle(payment.id(), result, actor);
	}

	/**
	 * Settles a gateway answer, once: under the invoice's row lock, and only while the payment is
	 * still open. Another node (or the reconciler) that settled it first wins; this is a no-op.
	 */
	Payment settle(long paymentId, ChargeResult result, Actor actor) {
		return this.tx.execute((status) -> {
			Invoice invoice = this.invoices.lockForPayment(this.payments.invoiceIdOf(paymentId));
			Payment payment = this.payments.lockById(paymentId).orElseThrow();
			if (payment.status().isSettled()) {
				return payment;
			}
			Actor who = (actor != null) ? actor : new Actor(payment.actorUserId(), null);
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
					this.audit.record(who, "PAYMENT_SUCCEEDED", "Payment", payment.reference(),
							payment.billingAccountId(), from + " -> SUCCEEDED; invoice " + invoice.number() + " paid");
				}
				case DECLINED -> {
					payment.failed(result.reason(), result.declineCode(), now);
					invoice.paymentFailed();
					if (payment.savesCard()) {
						this.cards.discard(payment.billingAccountId(), payment.cardId(), who);
					}
					this.audit.record(who, "PAYMENT_FAILED", "Payment", payment.reference(), payment.billingAccountId(),
							from + " -> FAILED: " + result.reason() + " (" + result.declineCode() + ")");
				}
				case REQUIRES_VERIFICATION -> {
					payment.awaitVerification(result.reference(), now);
					this.audit.record(who, "PAYMENT_VERIFICATION_REQUIRED", "Payment", payment.reference(),
							payment.billingAccountId(), "PENDING: the bank asks the payer to verify");
				}
			}
			return payment;
		});
	}

	private Payment markUnknown(long paymentId) {
		return this.tx.execute((status) -> {
			Payment payment = this.payments.lockById(paymentId).orElseThrow();
			if (!payment.status().isSettled() && payment.status() != PaymentStatus.UNKNOWN) {
				payment.unknown(this.clock.instant());
				this.audit.record(new Actor(payment.actorUserId(), null), "PAYMENT_UNKNOWN", "Payment",
						payment.reference(), payment.billingAccountId(), "PENDING -> UNKNOWN: no answer from the gateway");
			}
			return payment;
		});
	}

	/**
	 * Before a new attempt, asks the gateway about an earlier one whose outcome is not known, so
	 * that a lost answer does not block the invoice longer than it must.
	 */
	private void settleEarlierAttempt(AccountAccess access, String invoiceNumber) {
		Invoice invoice = this.invoices.invoice(access.accountId(), invoiceNumber);
		this.payments.findByActiveInvoiceId(invoice.id())
			.filter((p) -> p.status() == PaymentStatus.UNKNOWN)
			.ifPresent((p) -> reconcile(p.id()));
	}

	/** Finds out the outcome of an open payment from the gateway and settles it. */
	Payment reconcile(long paymentId) {
		Payment payment = this.payments.findById(paymentId).orElseThrow();
		if (payment.status().isSettled()) {
			return payment;
		}
		Optional<ChargeResult> known;
		try {
			known = this.gateway.find(payment.reference());
		}
		catch (RuntimeException ex) {
			log.warn("Gateway could not be asked about payment {}: {}", payment.reference(), ex.getMessage());
			return payment;
		}
		Actor system = AuditService.Actor.SYSTEM;
		if (known.isEmpty()) {
			// The gateway never received the charge: nothing moved, the invoice is payable again.
			return settle(paymentId, ChargeResult.declined(null, FailureReason.OTHER, "not_received"), system);
		}
		ChargeResult result = known.get();
		if (result.outcome() == PaymentGateway.Outcome.REQUIRES_VERIFICATION) {
			return payment;
		}
		return settle(paymentId, result, system);
	}

	/** Abandons a verification the payer never completed. */
	Payment expireVerification(long paymentId) {
		Payment payment = this.payments.findById(paymentId).orElseThrow();
		ChargeResult result = this.gateway.completeVerification(payment.reference(), false);
		return settle(paymentId, result, AuditService.Actor.SYSTEM);
	}

	/** The account's payment by its reference, or 404. */
	public Payment payment(AccountAccess access, String reference) {
		return this.payments.findByReferenceAndBillingAccountId(reference, access.accountId())
			.orElseThrow(() -> new NotFoundException("Payment"));
	}

	public List<Payment> paymentsOf(Invoice invoice) {
		return this.payments.findByInvoiceIdOrderByCreatedAtDesc(invoice.id());
	}

	/** The payment that is blocking another attempt on the invoice, if any. */
	public Optional<Payment> livePayment(Invoice invoice) {
		return this.payments.findByActiveInvoiceId(invoice.id());
	}

	/** True when an invoice still due has a failed payment: the overview's "problem with your payment method". */
	public boolean hasFailedPaymentOnOpenInvoice(long accountId) {
		return this.payments.existsFailedOnOpenInvoice(accountId);
	}

	public boolean isSandbox() {
		return this.gateway.isSandbox();
	}

	private record Started(Payment payment, String token, boolean replay) {
	}

}
