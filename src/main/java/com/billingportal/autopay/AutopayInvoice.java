package com.billingportal.autopay;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invoice the automatic payment job charges, and how far it has got (see V14). */
@Entity
@Table(name = "autopay_invoice")
class AutopayInvoice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "invoice_id")
	private long invoiceId;

	@Column(name = "billing_account_id")
	private long billingAccountId;

	private int attempts;

	@Column(name = "first_attempt_at")
	private Instant firstAttemptAt;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Enumerated(EnumType.STRING)
	private AutopayOutcome outcome;

	@Column(name = "last_reason")
	private String lastReason;

	@Column(name = "created_at")
	private Instant createdAt;

	protected AutopayInvoice() {
	}

	AutopayInvoice(long invoiceId, long billingAccountId, Instant now) {
		this.invoiceId = invoiceId;
		this.billingAccountId = billingAccountId;
		this.outcome = AutopayOutcome.WAITING;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	Long id() {
		return this.id;
	}

	long invoiceId() {
		return this.invoiceId;
	}

	long billingAccountId() {
		return this.billingAccountId;
	}

	int attempts() {
		return this.attempts;
	}

	Instant firstAttemptAt() {
		return this.firstAttemptAt;
	}

	Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	AutopayOutcome outcome() {
		return this.outcome;
	}

	String lastReason() {
		return this.lastReason;
	}

}
