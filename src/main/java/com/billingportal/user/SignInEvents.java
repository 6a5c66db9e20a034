package com.billingportal.user;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-in and sign-out as the security filters report them, each an audit event. The attempts are
 * counted (and the account locked) by {@link SignInLockout} before the password is checked, not
 * here. The page says the same thing for a wrong password, an unknown email and a locked account.
 */
@Component
class SignInEvents {

	private final AuditService audit;

	SignInEvents(AuditService audit) {
		this.audit = audit;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
			this.audit.record(new Actor(user.id(), user.email()), "SIGN_IN", "User", user.id(), null, null);
		}
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		this.audit.record(new Actor(null, attemptedEmail(event)), "SIGN_IN_FAILED", "User", null, null,
				"bad credentials");
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
