package com.billingportal.payment;

import java.util.UUID;

/**
 * A payment succeeded (the payer's answer or the reconciler's): published in the transaction that
 * marks it Succeeded and the invoice Paid. {@code eventId} names this one event wherever it is
 * delivered (an email's Message-ID is derived from it).
 */
public record PaymentSucceeded(UUID eventId, long paymentId, long accountId, String reference, long payerUserId) {
}
