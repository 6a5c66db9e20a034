package com.billingportal.user;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-in, sign-out and lockout as the security filters report them: failed attempts are counted
 * on the user (five in a row lock the account for fifteen minutes) and every one is an audit event.
 * The page says the same thing for a wrong password, an unknown email and a locked account.
 */
@Component
class SignInEvents {

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	private final UserService users;

	private final AuditService audit;

	SignInEvents(UserService users, AuditService audit) {
		this.users = users;
		this.audit = audit;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
			this.users.recordSuccessfulLogin(user.id());
			this.audit.record(new Actor(user.id(), user.email()), "SIGN_IN", "User", user.id(), null, null);
		}
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		String email = attemptedEmail(event);
		boolean locked = this.users.recordFailedLogin(email);
		this.audit.record(new Actor(null, email), "SIGN_IN_FAILED", "User", null, null, "bad credentials");
		if (locked) {
			log.warn("Sign-in locked for {} after {} failed attempts", email, UserService.MAX_FAILED_LOGINS);
			this.audit.record(new Actor(null, email), "ACCOUNT_LOCKED", "User", null, null,
					UserService.MAX_FAILED_LOGINS + " failed sign-ins; locked for " + UserService.LOCK_DURATION);
		}
	}

	@EventListener
	void whileLocked(AuthenticationFailureLockedEvent event) {
		this.audit.record(new Actor(null, attemptedEmail(event)), "SIGN_IN_REFUSED_LOCKED", "User", null, null,
				"account is locked");
	}

	@EventListener
	void otherFailure(AbstractAuthenticationFailureEvent event) {
		if (!(event instanceof AuthenticationFailureBadCredentialsEvent)
				&& !(event instanceof AuthenticationFailureLockedEvent)) {
			this.audit.record(new Actor(null, attemptedEmail(event)), "SIGN_IN_FAILED", "User", null, null,
					event.getException().getClass().getSimpleName());
		}
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
			this.audit.record(new Actor(user.id(), user.email()), "SIGN_OUT", "User", user.id(), null, null);
		}
	}

	/** The email as typed, cut to what an audit column holds; the password is never touched. */
	private static String attemptedEmail(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		name = (name != null) ? name.strip().replaceAll("\\p{Cntrl}", "?") : "";
		return (name.length() > 254) ? name.substring(0, 254) : name;
	}

}
