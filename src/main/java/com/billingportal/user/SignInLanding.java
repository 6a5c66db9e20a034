package com.billingportal.user;

import java.util.Optional;

/**
 * Where a user lands after signing in when something waits for their answer (an invitation to a
 * billing account, say), instead of the page they asked for or the home page. Declared here,
 * implemented by the modules that know what waits: sign-in knows none of them.
 */
public interface SignInLanding {

	/** The path to open first, if anything waits for this user. */
	Optional<String> after(PortalUser user);

}
