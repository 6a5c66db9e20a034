package com.billingportal.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A billing account's admin was invited to set a password (an account opened through the API for
 * an address nobody signed in with): the notification module emails them the link. {@code token}
 * is the link's secret: {@code admin_invitation} keeps only its hash; the event's publication holds
 * it until its email is written (then deleted at the next pass of the notification module's
 * housekeeping), and the email (in {@code email_message}, to be sent) as long as it is kept: see
 * docs/security.md.
 */
public record AdminInvited(UUID eventId, long accountId, String accountName, String email, String token,
		Instant expiresAt) {

	@Override
	public String toString() {
		return "AdminInvited[" + this.eventId + ", account " + this.accountId + "]";
	}

}
