package com.billingportal.payment;

import java.time.Instant;

import com.billingportal.portal.ListPage;

import org.springframework.data.domain.Pageable;

/** The Payments page's query, a fragment of {@link PaymentRepository}. */
interface PaymentRows {

	/**
	 * One page of the account's payments, newest first, each with its invoice number and card, in
	 * one query (and a count, bounded, only when the page does not tell the total). A null status or since
	 * means any.
	 */
	ListPage<PaymentRow> findRows(long accountId, PaymentStatus status, Instant since, Pageable pageable);

}
