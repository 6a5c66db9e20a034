package com.billingportal.payment.gateway;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A charge as the sandbox processor records it on its own side. */
@Entity
@Table(name = "sandbox_charge")
class SandboxCharge {

	enum Status {

		// At most 20 characters: the width of sandbox_charge.status.
		SUCCEEDED, DECLINED, NEEDS_VERIFICATION,
		/** Nothing was charged under this key, and nothing ever will be: the portal cancelled it. */
		CANCELED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	@Column(name = "charge_ref")
	private String chargeRef;

	private String token;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Column(name = "decline_code")
	private String declineCode;

	@Column(name = "created_at")
	private Instant createdAt;

	protected SandboxCharge() {
	}

	SandboxCharge(String idempotencyKey, String chargeRef, String token, BigDecimal amount, String currency,
			Status status, String declineCode, Instant createdAt) {
		this.idempotencyKey = idempotencyKey;
		this.chargeRef = chargeRef;
		this.token = token;
		this.amount = amount;
		this.currency = currency;
		this.status = status;
		this.declineCode = declineCode;
		this.createdAt = createdAt;
	}

	String idempotencyKey() {
		return this.idempotencyKey;
	}

	String chargeRef() {
		return this.chargeRef;
	}

	String token() {
		return this.token;
	}

	BigDecimal amount() {
		return this.amount;
	}

	Status status() {
		return this.status;
	}

	String declineCode() {
		return this.declineCode;
	}

	void verified(boolean ok) {
		this.status = ok ? Status.SUCCEEDED : Status.DECLINED;
		this.declineCode = ok ? null : "authentication_failed";
	}

}
