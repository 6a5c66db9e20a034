package com.billingportal.account.web;

import java.util.function.LongSupplier;

/**
 * How many invitations wait for the signed-in user's answer, for the header's link to them. Asked
 * only when a page is rendered (a redirect or a download asks nothing), and then once.
 */
public final class PendingInvitations {

	private final LongSupplier counter;

	private Long count;

	PendingInvitations(LongSupplier counter) {
		this.counter = counter;
	}

	public long count() {
		if (this.count == null) {
			this.count = this.counter.getAsLong();
		}
		return this.count;
	}

}
