package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The invoices list's query, a fragment of {@link InvoiceRepository}. */
interface InvoiceRows {

	/**
	 * One page of the account's invoices that match the filter, newest first, each with its billing
	 * profile's name: one query, and a count only when the page does not tell the total.
	 */
	Page<InvoiceRow> findRows(long accountId, InvoiceFilter filter, LocalDate today, BigDecimal cardLimit,
			Pageable pageable);

}
