package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.billingportal.money.Money;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money given back of a succeeded payment. Its reference is the gateway's idempotency key. */
@Entity
@Table(name = "refund")
public class Refund {

	public enum Status {

		/** Asked for (its amount held), the gateway's answer not recorded yet. */
		PENDING,
		/** The gateway did not answer in time: the reconciler asks it by the refund's reference. */
		UNKNOWN, SUCCEEDED, FAILED;

		/** Its amount is held: it may still go through. */
		public boolean isInFlight() {
			return this == PENDING || this == UNKNOWN;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "refund_ref")
	private String reference;

	@Column(name = "payment_id")
	private Long paymentId;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	private BigDecimal amount;

	private String currency;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	private String reason;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Status status;

	@Column(name = "gateway_reference")
	private String gatewayReference;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Refund() {
	}

	Refund(Payment payment, Money amount, String idempotencyKey, String reason, Instant now) {
		this.reference = UUID.randomUUID().toString();
		this.paymentId = payment.id();
		this.billingAccountId = payment.billingAccountId();
		this.amount = amount.amount();
		this.currency = amount.currencyCode();
		this.idempotencyKey = idempotencyKey;
		this.reason = reason;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	Long id() {
		return this.id;
	}

	public String reference() {
		return this.reference;
	}

	public long paymentId() {
		return this.paymentId;
	}

	public Money amount() {
		return Money.of(this.amount, this.currency);
	}

	public String reason() {
		return this.reason;
	}

	public Status status() {
		return this.status;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/** Records the gateway's answer; false when the refund was settled already (by another node). */
	boolean settle(boolean succeeded, String gatewayReference, Instant now) {
		if (!this.status.isInFlight()) {
			return false;
		}
		this.status = succeeded ? Status.SUCCEEDED : Status.FAILED;
		this.gatewayReference = gatewayReference;
		this.updatedAt = now;
		return true;
	}

}
