package com.billingportal.user;

import com.billingportal.user.SignInLockout.Admission;
import com.billingportal.user.SignInLockout.Attempt;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's check of an email and password, in place of Spring Security's
 * {@code DaoAuthenticationProvider}: {@link SignInLockout} admits and counts the attempt first, the
 * password is checked after. The failures are told apart only by their exception (and so by the
 * audit event {@link SignInEvents} writes); the page says the same thing for all of them. The
 * signed-in principal is a {@link PortalUser}, which holds no password hash, so none reaches the
 * session table.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final SignInLockout lockout;

	private final PasswordEncoder passwords;

	/** Checked for an unknown email, so that it takes as long as a wrong password. */
	private volatile String noSuchUserHash;

	PasswordSignIn(SignInLockout lockout, PasswordEncoder passwords) {
		this.lockout = lockout;
		this.passwords = passwords;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		Attempt attempt = this.lockout.admit(authentication.getName());
		if (attempt.admission() != Admission.COUNTED) {
			// The same BCrypt work as a real check, so that the answer's time tells nothing.
			this.passwords.matches(password, noSuchUserHash());
			throw switch (attempt.admission()) {
				case LOCKED -> new LockedException("The account is locked");
				case DISABLED -> new DisabledException("The account is disabled");
				default -> new BadCredentialsException("Bad credentials");
			};
		}
		if (!this.passwords.matches(password, attempt.passwordHash())) {
			this.lockout.failed(attempt);
			throw new BadCredentialsException("Bad credentials");
		}
		if (!this.lockout.succeeded(attempt)) {
			throw new LockedException("The account was locked while its password was checked");
		}
		PortalUser user = new PortalUser(attempt.userId(), attempt.email(), attempt.displayName());
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		signedIn.setDetails(authentication.getDetails());
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String noSuchUserHash() {
		if (this.noSuchUserHash == null) {
			this.noSuchUserHash = this.passwords.encode("no such user");
		}
		return this.noSuchUserHash;
	}

}
