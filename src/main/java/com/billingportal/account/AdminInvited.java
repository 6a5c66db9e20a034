package com.billingportal.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A billing account's admin was invited to set a password (an account opened through the API for
 * an address nobody signed in with): the notification module emails them the link. {@code token}
 * is the link's secret, which the portal keeps only as a hash.
 */
public record AdminInvited(UUID eventId, long accountId, String accountName, String email, String token,
		Instant expiresAt) {

	@Override
	public String toString() {
		return "AdminInvited[" + this.eventId + ", account " + this.accountId + "]";
	}

}
