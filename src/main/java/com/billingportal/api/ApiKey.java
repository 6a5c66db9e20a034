package com.billingportal.api;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key of a client: its SHA-256 only, never the key. */
@Entity
@Table(name = "api_key")
class ApiKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String prefix;

	@Column(name = "key_hash")
	private String hash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiKey() {
	}

	ApiKey(String name, String prefix, String hash, Instant createdAt) {
		this.name = name;
		this.prefix = prefix;
		this.hash = hash;
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String prefix() {
		return this.prefix;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	void revoke(Instant when) {
		if (this.revokedAt == null) {
			this.revokedAt = when;
		}
	}

}
