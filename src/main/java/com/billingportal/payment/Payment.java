package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.billingportal.money.Money;

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

	void succeeded(String gatewayReference, Instant now) {
		requireOpen();
		this.status = PaymentStatus.SUCCEEDED;
		this.gatewayReference = gatewayReference;
		this.requiresAction = false;
		this.updatedAt = now;
	}

	void failed(FailureReason reason, String declineCode, Instant now) {
		requireOpen();
		this.status = PaymentStatus.FAILED;
		this.failureReason = reason;
		this.declineCode = declineCode;
		this.requiresAction = false;
		this.activeInvoiceId = null;
		this.updatedAt = now;
	}

	void unknown(Instant now) {
		requireOpen();
		this.status = PaymentStatus.UNKNOWN;
		// Whether the bank still waits for the payer is unknown too: the reconciler asks.
		this.requiresAction = false;
		this.updatedAt = now;
	}

	/** The bank asks the payer to verify; an Unknown payment found in this state is Pending again. */
	void awaitVerification(String gatewayReference, Instant now) {
		requireOpen();
		this.status = PaymentStatus.PENDING;
		this.requiresAction = true;
		this.gatewayReference = gatewayReference;
		this.updatedAt = now;
	}

	private void requireOpen() {
		if (this.status.isSettled()) {
			throw new IllegalStateException("Payment " + this.reference + " is already " + this.status);
		}
	}

}
