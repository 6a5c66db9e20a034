package com.billingportal.payment;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The Payments page's query, a fragment of {@link PaymentRepository}. */
interface PaymentRows {

	/**
	 * One page of the account's payments, newest first, each with its invoice number and card, in
	 * one query (and a count only when the page does not tell the total). A null status or since
	 * means any.
	 */
	Page<PaymentRow> findRows(long accountId, PaymentStatus status, Instant since, Pageable pageable);

}
