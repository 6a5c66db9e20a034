package com.billingportal.payment;

import java.time.Instant;

import com.billingportal.audit.AuditService.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One state change of a payment, kept as a row of its own: the payment's history on the Payments
 * page. Written in the transaction that makes the change, never changed afterwards.
 */
@Entity
@Table(name = "payment_state_change")
public class PaymentStateChange {

	/** The state a payment has before it exists. */
	static final String NEW = "NEW";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "payment_ref")
	private String paymentReference;

	@Column(name = "occurred_at")
	private Instant at;

	@Column(name = "actor_user_id")
	private Long actorUserId;

	@Column(name = "actor_email")
	private String actor;

	/** {@link #NEW} or a {@link PaymentStatus} name. */
	@Column(name = "from_status")
	private String from;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status")
	private PaymentStatus to;

	@Enumerated(EnumType.STRING)
	private ChangeReason reason;

	/** The decline code of a decline (e.g. insufficient_funds), or what was paid: never a card detail. */
	private String detail;

	protected PaymentStateChange() {
	}

	PaymentStateChange(Payment payment, String from, ChangeReason reason, String detail, Actor actor, Instant at) {
		this.paymentReference = payment.reference();
		this.from = from;
		this.to = payment.status();
		this.reason = reason;
		this.detail = detail;
		this.actorUserId = actor.userId();
		this.actor = actor.email();
		this.at = at;
	}

	public String paymentReference() {
		return this.paymentReference;
	}

	public Instant at() {
		return this.at;
	}

	/** Who made the change: a user's email, or "system" for the reconciler. */
	public String actor() {
		return this.actor;
	}

	public String from() {
		return this.from;
	}

	public PaymentStatus to() {
		return this.to;
	}

	public ChangeReason reason() {
		return this.reason;
	}

	public String detail() {
		return this.detail;
	}

	/** The decline code of a decline (e.g. insufficient_funds), for the message in words. */
	public String declineCode() {
		return (this.to == PaymentStatus.FAILED) ? this.detail : null;
	}

	public boolean isCreation() {
		return NEW.equals(this.from);
	}

	/** The change in one line, as the audit trail keeps it: {@code FROM -> TO; REASON[; detail]}. */
	String summary() {
		return this.from + " -> " + this.to.name() + "; " + this.reason.name()
				+ ((this.detail != null) ? "; " + this.detail : "");
	}

}
