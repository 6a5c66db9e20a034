package com.billingportal.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	@Column(name = "display_name")
	private String displayName;

	@Column(name = "password_hash")
	private String passwordHash;

	private boolean enabled;

	@Column(name = "failed_logins")
	private int failedLogins;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "created_at")
	private Instant createdAt;

	/** The language the user chose (a language tag, e.g. zh-CN); null: English. Their emails use it. */
	private String language;

	protected User() {
	}

	public User(String email, String displayName, String passwordHash, Instant createdAt) {
		EmailAddress.Parsed address = EmailAddress.parse(email);
		if (!address.isValid()) {
			throw new IllegalArgumentException("Not an email address: " + address.reason());
		}
		this.email = address.address().value();
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	/**
	 * A user invited to administer a billing account who has no password yet: disabled, with a hash
	 * of a secret nobody knows, until they set their password through the invitation's link.
	 */
	static User invited(String email, String displayName, String unusableHash, Instant createdAt) {
		User user = new User(email, displayName, unusableHash, createdAt);
		user.enabled = false;
		return user;
	}

	/** The invited user's first password: from now on they sign in. */
	void setFirstPassword(String passwordHash) {
		if (this.enabled) {
			throw new IllegalStateException("User " + this.id + " has a password already");
		}
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

	/**
	 * The stored form of a typed address ({@link EmailAddress}), or null when the text cannot be an
	 * address: it then matches no user.
	 */
	public static String normalizeEmail(String email) {
		return EmailAddress.parse(email).valueOrNull();
	}

	public String language() {
		return this.language;
	}

	void chooseLanguage(String languageTag) {
		this.language = languageTag;
	}

	public Long id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

	public int failedLogins() {
		return this.failedLogins;
	}

	/**
	 * Counts a sign-in attempt before its password is checked: an attempt is a failure until it
	 * proves otherwise. The attempt that reaches {@code limit} locks the account for {@code lockFor}
	 * at once, so that no attempt after it is checked; true when this one did.
	 */
	public boolean countAttempt(int limit, Duration lockFor, Instant now) {
		this.failedLogins++;
		if (this.failedLogins >= limit) {
			// Millisecond precision survives every database, so the attempt can recognise its own lock.
			this.lockedUntil = now.plus(lockFor).truncatedTo(ChronoUnit.MILLIS);
			this.failedLogins = 0;
			return true;
		}
		return false;
	}

	/**
	 * The right password: the count starts again. A lock in force stays, unless it is {@code ownLock},
	 * the one this very attempt set when it was counted (four wrong passwords and then the right one
	 * are not five failures). False when the account stays locked.
	 */
	public boolean recordSuccessfulLogin(Instant ownLock, Instant now) {
		if (isLockedAt(now) && !this.lockedUntil.equals(ownLock)) {
			return false;
		}
		this.failedLogins = 0;
		this.lockedUntil = null;
		return true;
	}

}
