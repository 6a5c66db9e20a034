package com.billingportal.invoice;

import java.util.UUID;

/**
 * An invoice was issued: it is due and its billing profile's recipients may be told. Published in
 * the transaction that records the announcement ({@link InvoiceAnnouncements}); {@code eventId}
 * names this one event wherever it is delivered (an email's Message-ID is derived from it).
 */
public record InvoiceIssued(UUID eventId, long invoiceId, long accountId, String invoiceNumber) {
}
