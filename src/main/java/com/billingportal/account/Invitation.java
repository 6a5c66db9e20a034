package com.billingportal.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An invitation to a billing account with a role, addressed to an email whether or not anyone
 * signs in with it yet. It grants nothing: accepting it creates the role assignment. Answered
 * once: accepted or declined by the invitee, or revoked by the admin, and then never again.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	private String email;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "invited_by")
	private Long invitedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	private InvitationStatus status;

	@Column(name = "answered_at")
	private Instant answeredAt;

	@Column(name = "answered_by")
	private Long answeredBy;

	/** TRUE while pending, else NULL: keeps one pending invitation per address and account (see V7). */
	private Boolean pending;

	protected Invitation() {
	}

	Invitation(long billingAccountId, String email, Role role, long invitedBy, Instant createdAt) {
		this.billingAccountId = billingAccountId;
		this.email = email;
		this.role = role;
		this.invitedBy = invitedBy;
		this.createdAt = createdAt;
		this.status = InvitationStatus.PENDING;
		this.pending = Boolean.TRUE;
	}

	void accept(long userId, Instant now) {
		answer(InvitationStatus.ACCEPTED, userId, now);
	}

	void decline(long userId, Instant now) {
		answer(InvitationStatus.DECLINED, userId, now);
	}

	void revoke(long adminId, Instant now) {
		answer(InvitationStatus.REVOKED, adminId, now);
	}

	private void answer(InvitationStatus answer, long by, Instant now) {
		if (!isPending()) {
			throw new IllegalStateException("Invitation " + this.id + " is " + this.status + " already");
		}
		this.status = answer;
		this.answeredBy = by;
		this.answeredAt = now;
		this.pending = null;
	}

	public boolean isPending() {
		return this.status == InvitationStatus.PENDING;
	}

	public Long id() {
		return this.id;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public String email() {
		return this.email;
	}

	public Role role() {
		return this.role;
	}

	public long invitedBy() {
		return this.invitedBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public InvitationStatus status() {
		return this.status;
	}

}
