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

@Entity
@Table(name = "role_assignment")
public class RoleAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Column(name = "user_id")
	private Long userId;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "created_at")
	private Instant createdAt;

	protected RoleAssignment() {
	}

	public RoleAssignment(long billingAccountId, long userId, Role role, Instant createdAt) {
		this.billingAccountId = billingAccountId;
		this.userId = userId;
		this.role = role;
		this.createdAt = createdAt;
	}

	public Long id() {
		return this.id;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public long userId() {
		return this.userId;
	}

	public Role role() {
		return this.role;
	}

}
