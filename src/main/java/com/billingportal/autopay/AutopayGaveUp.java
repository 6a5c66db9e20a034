package com.billingportal.autopay;

import java.util.UUID;

/** The last automatic attempt to pay an invoice was declined: it stays due and the admin is told. */
public record AutopayGaveUp(UUID eventId, long invoiceId, long accountId, String invoiceNumber, int attempts,
		String reason) {
}
