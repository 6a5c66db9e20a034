package com.billingportal.payment;

import java.util.UUID;

/** A payment failed, with Azure's reason; published in the transaction that records it. */
public record PaymentFailed(UUID eventId, long paymentId, long accountId, String reference, FailureReason reason,
		String declineCode) {
}
