package com.billingportal.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what to which object, when, from which address. Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "actor_user_id")
	private Long actorUserId;

	@Column(name = "actor_email")
	private String actorEmail;

	private String action;

	@Column(name = "object_type")
	private String objectType;

	@Column(name = "object_id")
	private String objectId;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Column(name = "remote_address")
	private String remoteAddress;

	private String detail;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, Long actorUserId, String actorEmail, String action, String objectType,
			String objectId, Long billingAccountId, String remoteAddress, String detail) {
		this.occurredAt = occurredAt;
		this.actorUserId = actorUserId;
		this.actorEmail = actorEmail;
		this.action = action;
		this.objectType = objectType;
		this.objectId = objectId;
		this.billingAccountId = billingAccountId;
		this.remoteAddress = remoteAddress;
		this.detail = (detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail;
	}

	public Instant occurredAt() {
		return this.occurredAt;
	}

	public Long actorUserId() {
		return this.actorUserId;
	}

	public String actorEmail() {
		return this.actorEmail;
	}

	public String action() {
		return this.action;
	}

	public String objectType() {
		return this.objectType;
	}

	public String objectId() {
		return this.objectId;
	}

	public Long billingAccountId() {
		return this.billingAccountId;
	}

	public String remoteAddress() {
		return this.remoteAddress;
	}

	public String detail() {
		return this.detail;
	}

}
