package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.card.NewCardForm;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceSelection;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.PartPayment;
import com.billingportal.invoice.Payability;
import com.billingportal.money.Money;
import com.billingportal.payment.PaymentGateway.ChargeRequest;
import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.payment.PaymentStates.Source;
import com.billingportal.portal.NotPermittedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays invoices so that money never moves twice:
 * <ol>
 * <li>a Pending payment with the form's idempotency key is committed, with the invoice row locked
 * and turned Processing, before the gateway is called;</li>
 * <li>the gateway is called outside any transaction, keyed by the payment's reference, and waited
 * for at most {@code billing.gateway.timeout} ({@link GatewayCalls});</li>
 * <li>its answer is settled in a second transaction ({@link PaymentSettlement}), or the payment is
 * left Unknown for the {@link PaymentReconciler}.</li>
 * </ol>
 * The same form posted again finds its first payment. A unique constraint on the invoice's one
 * live payment backs the row lock. The payer's answer to a bank verification is
 * {@link BankVerification}'s.
 */
@Service
public class PaymentService {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

	private final PaymentRepository payments;

	private final PaymentAllocationRepository allocations;

	private final InvoiceService invoices;

	private final CardService cards;

	private final PaymentGateway gateway;

	private final GatewayCalls calls;

	private final PaymentSettlement settlement;

	private final PaymentReconciler reconciler;

	private final PaymentHistory history;

	private final AuditService audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final BillingAccountService accounts;

	private final PaymentQueries queries;

	PaymentService(PaymentRepository payments, PaymentAllocationRepository allocations, InvoiceService invoices, CardService cards, PaymentGateway gateway,
			GatewayCalls calls, PaymentSettlement settlement, PaymentReconciler reconciler, PaymentHistory history,
			AuditService audit, PlatformTransactionManager transactionManager, Clock clock,
			BillingAccountService accounts, PaymentQueries queries) {
		this.accounts = accounts;
		this.queries = queries;
		this.payments = payments;
		this.allocations = allocations;
		this.invoices = invoices;
		this.cards = cards;
		this.gateway = gateway;
		this.calls = calls;
		this.settlement = settlement;
		this.reconciler = reconciler;
		this.history = history;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	private static boolean isValidIdempotencyKey(String key) {
		return key != null && IDEMPOTENCY_KEY.matcher(key).matches();
	}

	/**
	 * Pays the invoice with a saved card ({@code cardId}) or a new one ({@code newCard}). The amount
	 * is the invoice's amount due, read under the row lock: nothing the browser sends can change it.
	 */
	public Payment pay(AccountAccess access, Actor actor, String invoiceNumber, String idempotencyKey, Long cardId,
			NewCardForm newCard) {
		return pay(access, actor, invoiceNumber, idempotencyKey, cardId, newCard, null);
	}

	/**
	 * Pays {@code part} of the invoice's balance ("Pay another amount"), or the whole balance when
	 * it is null. Whether the part may be paid is {@link com.billingportal.invoice.PartPayment}'s
	 * answer, asked under the invoice's row lock; each part is its own payment and receipt.
	 */
	public Payment pay(AccountAccess access, Actor actor, String invoiceNumber, String idempotencyKey, Long cardId,
			NewCardForm newCard, BigDecimal part) {
		Invoice invoice = this.invoices.invoice(access.accountId(), invoiceNumber);
		Payability payability = this.invoices.payability(access, invoice);
		if (payability.isNotAllowed()) {
			this.tx.executeWithoutResult((status) -> this.audit.record(actor, "PAYMENT_REFUSED", "Invoice",
					invoiceNumber, access.accountId(), "not the billing account admin"));
			payability.requireAllowed();
		}
		if (!isValidIdempotencyKey(idempotencyKey)) {
			throw PaymentRefusedException.staleForm();
		}
		this.reconciler.reconcileBeforeNewAttempt(invoice);
		// The vault is called before the invoice is locked: a slow vault must not hold the lock.
		CardService.PreparedCard prepared = (cardId == null) ? this.cards.prepare(access, newCard) : null;
		Started started;
		try {
			started = this.tx
				.execute((status) -> start(access, actor, invoiceNumber, idempotencyKey, cardId, prepared, part));
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
				.orElseThrow(() -> PaymentRefusedException.because(Payability.IN_PROGRESS, invoiceNumber));
		}
		return started.replay() ? started.payment() : charge(started, "Invoice " + invoiceNumber, actor);
	}

	private Started start(AccountAccess access, Actor actor, String invoiceNumber, String idempotencyKey, Long cardId,
			CardService.PreparedCard newCard, BigDecimal part) {
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
		return open(access, actor, List.of(invoice), amountToCharge(access, invoice, part), idempotencyKey, cardId,
				newCard);
	}

	/** The whole balance (Pay now), or the part typed when the rule of parts allows it. */
	private Money amountToCharge(AccountAccess access, Invoice invoice, BigDecimal part) {
		Payability payability = this.invoices.payability(access, invoice);
		if (part == null) {
			if (!payability.isPayNow()) {
				throw PaymentRefusedException.because(payability, invoice.number());
			}
			return invoice.balanceDue();
		}
		if (!payability.isPayable()) {
			throw PaymentRefusedException.because(payability, invoice.number());
		}
		PartPayment rule = this.invoices.partPayment();
		if (!this.queries.offersPart(payability, invoice, rule)) {
			throw PaymentRefusedException.part("pay.part.notOffered");
		}
		String refusal = rule.refusalKey(invoice.balanceDue(), part, this.invoices.cardLimit(invoice));
		if (refusal != null) {
			throw PaymentRefusedException.part(refusal);
		}
		return new Money(part, invoice.balanceDue().currency());
	}

	/**
	 * Inserts the Pending payment of these invoices (locked by the caller, in the order of their ids)
	 * with one allocation per invoice, and turns each invoice Processing. The unique live allocation
	 * per invoice backs the locks in the database.
	 */
	private Started open(AccountAccess access, Actor actor, List<Invoice> invoices, Money amount,
			String idempotencyKey, Long cardId, CardService.PreparedCard newCard) {
		Invoice first = invoices.get(0);
		ChargedCard charged = (cardId != null) ? savedCard(access, cardId) : newCard(access, actor, newCard, first);
		// The system (automatic payment) pays on behalf of the account's admin; its history says "system".
		long payer = (actor.userId() != null) ? actor.userId() : this.accounts.account(access).adminUserId();
		Payment payment = this.payments.saveAndFlush(new Payment(first.id(), access.accountId(), charged.card().id(),
				payer, amount, idempotencyKey, charged.saved(), charged.makeDefault(), this.clock.instant()));
		for (Invoice invoice : invoices) {
			// One invoice gets the amount charged (its balance, or a part); several get their balances.
			Money allocated = (invoices.size() == 1) ? amount : invoice.balanceDue();
			this.allocations.save(new PaymentAllocation(payment.id(), invoice.id(), allocated.amount()));
			invoice.startPayment();
		}
		this.allocations.flush();
		String numbers = String.join(", ", invoices.stream().map(Invoice::number).toList());
		this.history.record(actor, payment, PaymentStateChange.NEW, ChangeReason.STARTED,
				((invoices.size() == 1) ? "invoice " : "invoices ") + numbers + ", " + payment.amount() + ", "
						+ charged.card().brand().displayName() + " ending " + charged.card().lastFour());
		return new Started(payment, charged.token(), false);
	}

	/**
	 * Pays several invoices of one billing profile and currency with one charge for their total:
	 * all of them turn Paid together, or none does. Whether they may be paid together is
	 * {@link InvoiceSelection}'s answer, asked again under the invoices' row locks; the amount is
	 * their amounts due read there. A refusal names the invoice that stood in the way.
	 */
	public Payment payInvoices(AccountAccess access, Actor actor, List<String> invoiceNumbers, String idempotencyKey,
			Long cardId, NewCardForm newCard) {
		if (!access.canPayInvoices()) {
			this.tx.executeWithoutResult((status) -> this.audit.record(actor, "PAYMENT_REFUSED", "Invoice",
					String.join(",", invoiceNumbers), access.accountId(), "not the billing account admin"));
			throw new NotPermittedException(Permission.PAY_INVOICES.refusalKey());
		}
		InvoiceSelection selection = this.invoices.selection(access, invoiceNumbers);
		if (!isValidIdempotencyKey(idempotencyKey)) {
			throw PaymentRefusedException.staleForm();
		}
		selection.invoices().forEach(this.reconciler::reconcileBeforeNewAttempt);
		CardService.PreparedCard prepared = (cardId == null) ? this.cards.prepare(access, newCard) : null;
		Started started;
		try {
			started = this.tx.execute((status) -> startSelection(access, actor, selection.ids(), idempotencyKey, cardId,
					prepared));
		}
		catch (PaymentRefusedException ex) {
			this.audit.recordRefusal(actor, "PAYMENT_REFUSED", "Invoice", String.join(",", selection.numbers()),
					access.accountId(), ex.messageKey());
			throw ex;
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			log.info("Concurrent attempt on invoices {} lost: {}", selection.numbers(), ex.getClass().getSimpleName());
			return this.payments.findByIdempotencyKey(idempotencyKey)
				.filter((p) -> p.billingAccountId() == access.accountId())
				.orElseThrow(() -> lostTo(selection));
		}
		return started.replay() ? started.payment()
				: charge(started, "Invoices " + String.join(", ", selection.numbers()), actor);
	}

	private Started startSelection(AccountAccess access, Actor actor, List<Long> invoiceIds, String idempotencyKey,
			Long cardId, CardService.PreparedCard newCard) {
		InvoiceSelection selection = this.invoices.lockSelectionForPayment(access, invoiceIds);
		Optional<Payment> sameForm = this.payments.findByIdempotencyKey(idempotencyKey);
		if (sameForm.isPresent()) {
			Payment earlier = sameForm.get();
			if (earlier.billingAccountId() != access.accountId()
					|| !this.allocations.invoiceIdsOf(earlier.id()).equals(selection.ids())) {
				throw PaymentRefusedException.staleForm();
			}
			return new Started(earlier, null, true);
		}
		if (!selection.isPayable()) {
			throw PaymentRefusedException.because(selection);
		}
		return open(access, actor, selection.invoices(), selection.total(), idempotencyKey, cardId, newCard);
	}

	/** The refusal of an attempt that lost to another payment: it names an invoice that payment holds. */
	private PaymentRefusedException lostTo(InvoiceSelection selection) {
		for (Invoice invoice : selection.invoices()) {
			Optional<Payment> holder = this.allocations.findActivePayment(invoice.id());
			if (holder.isPresent()) {
				return PaymentRefusedException.because(
						(holder.get().status() == PaymentStatus.SUCCEEDED) ? Payability.PAID : Payability.IN_PROGRESS,
						invoice.number());
			}
		}
		return PaymentRefusedException.because(Payability.IN_PROGRESS, selection.numbers().get(0));
	}

	private ChargedCard savedCard(AccountAccess access, long cardId) {
		CreditCard card = this.cards.holdCardForPayment(access.accountId(), cardId);
		if (card.isExpiredAt(this.cards.currentMonth())) {
			throw PaymentRefusedException.cardExpired();
		}
		return new ChargedCard(card, card.gatewayToken(), false, false);
	}

	private ChargedCard newCard(AccountAccess access, Actor actor, CardService.PreparedCard newCard, Invoice invoice) {
		CardService.AddedCard added = this.cards.addForPayment(access, actor, newCard, invoice.billingProfileId());
		return new ChargedCard(added.card(), added.chargeToken(), added.created(), newCard.makeDefault());
	}

	private Payment charge(Started started, String description, Actor actor) {
		Payment payment = started.payment();
		ChargeResult answer;
		try {
			answer = this.calls.call(() -> this.gateway.charge(new ChargeRequest(payment.reference(),
					started.token(), payment.amount(), description)));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for payment {}: {}", payment.reference(), ex.getMessage());
			return this.settlement.markUnknown(payment.id(), actor, ChangeReason.NO_ANSWER);
		}
		try {
			return this.settlement.settle(payment.id(), answer, actor, Source.ANSWER);
		}
		catch (RuntimeException ex) {
			// The gateway has answered but the answer is not recorded: whatever happened, the
			// reconciler will ask the gateway again. Money never moves twice: the key is the same.
			log.error("Gateway answer for payment {} could not be recorded: {}", payment.reference(), ex.toString());
			return this.settlement.markUnknown(payment.id(), actor, ChangeReason.NOT_RECORDED);
		}
	}

	private record Started(Payment payment, String token, boolean replay) {
	}

	/** The card a new payment charges, the token to charge it with, and what the payment does with it. */
	private record ChargedCard(CreditCard card, String token, boolean saved, boolean makeDefault) {
	}

}
