package com.billingportal.payment;

import java.util.UUID;

/**
 * A refund of a payment went through: published in the transaction that records it (the invoice's
 * balance grown by the amount). {@code eventId} names this one event wherever it is delivered.
 */
public record PaymentRefunded(UUID eventId, long paymentId, long accountId, String reference, String refundReference) {
}
