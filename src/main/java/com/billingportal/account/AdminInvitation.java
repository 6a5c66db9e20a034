package com.billingportal.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The invitation of a billing account's admin who has no sign-in yet to set a password (V16): one
 * per account, answered once, by the holder of the emailed link until it expires.
 */
@Entity
@Table(name = "admin_invitation")
class AdminInvitation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Column(name = "user_id")
	private Long userId;

	private String email;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "invited_by")
	private String invitedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	protected AdminInvitation() {
	}

	AdminInvitation(long billingAccountId, long userId, String email, String tokenHash, String invitedBy,
			Instant createdAt, Instant expiresAt) {
		this.billingAccountId = billingAccountId;
		this.userId = userId;
		this.email = email;
		this.tokenHash = tokenHash;
		this.invitedBy = invitedBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	/** Whether the link still sets a password: not answered, not expired. */
	boolean isOpenAt(Instant now) {
		return this.acceptedAt == null && this.expiresAt.isAfter(now);
	}

	/** A new link in place of one that expired unused: the old one never works again. */
	void renew(String tokenHash, Instant now, Instant expiresAt) {
		if (this.acceptedAt != null) {
			throw new IllegalStateException("Admin invitation " + this.id + " was accepted already");
		}
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	void accept(Instant now) {
		if (this.acceptedAt != null) {
			throw new IllegalStateException("Admin invitation " + this.id + " was accepted already");
		}
		this.acceptedAt = now;
	}

	Long id() {
		return this.id;
	}

	long billingAccountId() {
		return this.billingAccountId;
	}

	long userId() {
		return this.userId;
	}

	String email() {
		return this.email;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	boolean isAccepted() {
		return this.acceptedAt != null;
	}

}
