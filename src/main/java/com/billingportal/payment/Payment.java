package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.billingportal.money.Money;
import com.billingportal.payment.PaymentGateway.ChargeResult;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One attempt to pay one invoice. Its reference is the gateway's idempotency key. */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "payment_ref")
	private String reference;

	@Column(name = "invoice_id")
	private Long invoiceId;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Column(name = "card_id")
	private Long cardId;

	@Column(name = "actor_user_id")
	private Long actorUserId;

	private BigDecimal amount;

	private String currency;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	@Enumerated(EnumType.STRING)
	@Column(name = "failure_reason")
	private FailureReason failureReason;

	/** The gateway's decline code, e.g. insufficient_funds: never a card detail. */
	@Column(name = "failure_message")
	private String declineCode;

	@Column(name = "gateway_reference")
	private String gatewayReference;

	@Column(name = "requires_action")
	private boolean requiresAction;

	@Column(name = "saves_card")
	private boolean savesCard;

	@Column(name = "make_default")
	private boolean makeDefault;

	/** Equals invoiceId while this payment blocks another attempt; the column is unique. */
	@Column(name = "active_invoice_id")
	private Long activeInvoiceId;

	/** Refunded, or reserved by a refund in flight; never more than the amount. */
	@Column(name = "amount_refunded")
	private BigDecimal amountRefunded = BigDecimal.ZERO;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected Payment() {
	}

	Payment(long invoiceId, long billingAccountId, long cardId, long actorUserId, Money amount,
			String idempotencyKey, boolean savesCard, boolean makeDefault, Instant now) {
		this.reference = UUID.randomUUID().toString();
		this.invoiceId = invoiceId;
		this.billingAccountId = billingAccountId;
		this.cardId = cardId;
		this.actorUserId = actorUserId;
		this.amount = amount.amount();
		this.currency = amount.currencyCode();
		this.idempotencyKey = idempotencyKey;
		this.status = PaymentStatus.PENDING;
		this.savesCard = savesCard;
		this.makeDefault = makeDefault;
		this.activeInvoiceId = invoiceId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public Long id() {
		return this.id;
	}

	public String reference() {
		return this.reference;
	}

	public long invoiceId() {
		return this.invoiceId;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public long cardId() {
		return this.cardId;
	}

	public long actorUserId() {
		return this.actorUserId;
	}

	public Money amount() {
		return Money.of(this.amount, this.currency);
	}

	/** What has been refunded of it: refunds that went through (not those in flight). */
	public Money refunded() {
		return Money.of(this.amountRefunded, this.currency);
	}

	/** What is not refunded yet: the most refunds in flight and new ones may give back together. */
	Money unrefunded() {
		return (this.status == PaymentStatus.SUCCEEDED) ? Money.of(this.amount.subtract(this.amountRefunded), this.currency)
				: Money.of(java.math.BigDecimal.ZERO, this.currency);
	}

	/** REFUNDED, PARTIALLY_REFUNDED, or null: nothing refunded. */
	public RefundState refundState() {
		return RefundState.of(this.amountRefunded, this.amount);
	}

	/** A refund of {@code amount} went through (with the payment's row locked). */
	void refundSucceeded(Money amount, Instant now) {
		this.amountRefunded = this.amountRefunded.add(amount.amount());
		this.updatedAt = now;
	}

	/**
	 * A refund made the payment's first invoice payable again: this payment no longer holds it, so
	 * that its balance can be paid.
	 */
	void releaseFirstInvoice(Instant now) {
		this.activeInvoiceId = null;
		this.updatedAt = now;
	}

	public String idempotencyKey() {
		return this.idempotencyKey;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public FailureReason failureReason() {
		return this.failureReason;
	}

	public String declineCode() {
		return this.declineCode;
	}

	public String gatewayReference() {
		return this.gatewayReference;
	}

	public boolean requiresAction() {
		return this.requiresAction;
	}

	boolean savesCard() {
		return this.savesCard;
	}

	boolean makeDefault() {
		return this.makeDefault;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * The payment paid a part of its invoice and a balance is left: it no longer holds the invoice,
	 * so that the next part can be paid. A payment that paid the invoice in full keeps holding it.
	 */
	void releaseInvoice() {
		if (this.status != PaymentStatus.SUCCEEDED) {
			throw new IllegalStateException("Payment " + this.reference + " is " + this.status + ", not succeeded");
		}
		this.activeInvoiceId = null;
	}

	/** The payment's state in {@link PaymentStates}' terms. */
	PaymentStates.State state() {
		return PaymentStates.State.of(this.status, this.requiresAction);
	}

	/** The bank asks the payer to verify (3-D Secure), and nobody has answered yet. */
	public boolean isAwaitingVerification() {
		return state() == PaymentStates.State.AWAITING_VERIFICATION;
	}

	/** Awaiting the payer's verification for longer than {@code timeout}: the payer has left. */
	public boolean isVerificationExpired(Instant now, Duration timeout) {
		return isAwaitingVerification() && !this.updatedAt.isAfter(now.minus(timeout));
	}

	/**
	 * Its outcome should be known by now and is not: Unknown, or Pending longer than
	 * {@code grace} without an answer (a node stopped mid-payment). A payment awaiting the payer's
	 * verification is not stale: the payer may still be at it.
	 */
	public boolean isStale(Instant now, Duration grace) {
		return switch (state()) {
			case UNKNOWN -> true;
			case PENDING -> this.updatedAt.isBefore(now.minus(grace));
			default -> false;
		};
	}

	/**
	 * Moves the payment by the event, along {@link PaymentStates} only.
	 * @param answer the gateway's answer the event stands for; null for {@link ChangeReason#NO_ANSWER}
	 * and {@link ChangeReason#NOT_RECORDED}
	 */
	void apply(ChangeReason event, ChargeResult answer, Instant now) {
		PaymentStates.State to = PaymentStates.next(state(), event)
			.orElseThrow(() -> new IllegalStateException(
					"Payment " + this.reference + " is " + state() + ": " + event + " does not apply"));
		switch (to) {
			case SUCCEEDED -> {
				this.status = PaymentStatus.SUCCEEDED;
				this.gatewayReference = answer.reference();
				this.requiresAction = false;
			}
			case FAILED -> {
				this.status = PaymentStatus.FAILED;
				this.failureReason = answer.reason();
				this.declineCode = answer.declineCode();
				this.requiresAction = false;
				this.activeInvoiceId = null;
			}
			case AWAITING_VERIFICATION -> {
				this.status = PaymentStatus.PENDING;
				this.requiresAction = true;
				this.gatewayReference = answer.reference();
			}
			case UNKNOWN -> {
				this.status = PaymentStatus.UNKNOWN;
				// Whether the bank still waits for the payer is unknown too: the reconciler asks.
				this.requiresAction = false;
			}
			case NEW, PENDING -> throw new IllegalStateException("No event leads back to " + to);
		}
		this.updatedAt = now;
	}

}
