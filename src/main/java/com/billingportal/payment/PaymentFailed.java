package com.billingportal.payment;

import java.util.UUID;

/**
 * A payment failed, with Azure's reason; published in the transaction that records it.
 *
 * @param automatic an attempt of automatic payment (started by the portal, not a person): the
 * admin is not emailed about each one; automatic payment tells them once, after its last attempt
 * ({@code AutopayGaveUp}). An event kept in the publication registry from before this flag existed
 * has none: false.
 */
public record PaymentFailed(UUID eventId, long paymentId, long accountId, String reference, FailureReason reason,
		String declineCode, Boolean automatic) {

	public PaymentFailed {
		automatic = Boolean.TRUE.equals(automatic);
	}

}
