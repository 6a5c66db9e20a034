package com.billingportal.invoice;

import java.util.UUID;

/** An invoice fell past due (the day after its due date, once); see {@link InvoiceIssued} for the id. */
public record InvoicePastDue(UUID eventId, long invoiceId, long accountId, String invoiceNumber) {
}
