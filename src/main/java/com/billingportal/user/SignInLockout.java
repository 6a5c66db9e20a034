package com.billingportal.user;

import java.time.Clock;
import java.time.Instant;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lockout of the sign-in form (ASVS 2.2.1), decided under the user's row lock so that it holds
 * however many attempts arrive at once: a locked account is refused before its password is looked
 * at, every other attempt is counted before its password is checked, and five attempts in a row
 * without a success lock the account for fifteen minutes. Each step commits on its own, so the
 * count is in the database before the (slow) password check starts.
 */
@Service
class SignInLockout {

	private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

	private final UserRepository users;

	private final AuditService audit;

	private final Clock clock;

	SignInLockout(UserRepository users, AuditService audit, Clock clock) {
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** Refuses a locked or disabled account, or counts this attempt: all before the password is checked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Attempt admit(String email) {
		User user = this.users.lockByEmail(User.normalizeEmail(email)).orElse(null);
		if (user == null) {
			return new Attempt(Admission.UNKNOWN_EMAIL, email, null, null, null, null);
		}
		Instant now = this.clock.instant();
		if (user.isLockedAt(now)) {
			return new Attempt(Admission.LOCKED, user.email(), user.id(), null, null, null);
		}
		if (!user.isEnabled()) {
			return new Attempt(Admission.DISABLED, user.email(), user.id(), null, null, null);
		}
		boolean locking = user.countAttempt(UserService.MAX_FAILED_LOGINS, UserService.LOCK_DURATION, now);
		return new Attempt(Admission.COUNTED, user.email(), user.id(), user.displayName(), user.passwordHash(),
				locking ? user.lockedUntil() : null);
	}

	/**
	 * The password was right: the count starts again, under the row lock. False when a lock set by
	 * other attempts meanwhile is in force: a success never clears it.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean succeeded(Attempt attempt) {
		return this.users.lockById(attempt.userId())
			.map((user) -> user.recordSuccessfulLogin(attempt.ownLock(), this.clock.instant()))
			.orElse(false);
	}

	/** The password was wrong: the attempt was counted already; if it was the one that locked, say so. */
	public void failed(Attempt attempt) {
		if (attempt.ownLock() != null) {
			log.warn("Sign-in locked for {} after {} failed attempts", attempt.email(), UserService.MAX_FAILED_LOGINS);
			this.audit.record(new Actor(null, attempt.email()), "ACCOUNT_LOCKED", "User", null, null,
					UserService.MAX_FAILED_LOGINS + " failed sign-ins; locked for " + UserService.LOCK_DURATION);
		}
	}

	enum Admission {

		/** No user signs in with this email: nothing to count. */
		UNKNOWN_EMAIL,

		/** A lock is in force: refused without checking the password, and not counted. */
		LOCKED,

		DISABLED,

		/** Counted: the password is checked now. */
		COUNTED

	}

	/**
	 * One attempt as admitted: {@code passwordHash} only when it was counted, {@code ownLock} when
	 * counting it locked the account (until then).
	 */
	record Attempt(Admission admission, String email, Long userId, String displayName, String passwordHash,
			Instant ownLock) {

		@Override
		public String toString() {
			return "Attempt[" + this.admission + ", " + this.email + "]";
		}

	}

}
