package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.billingportal.portal.ListPage;

import org.springframework.data.domain.Pageable;

/** The invoices list's query, a fragment of {@link InvoiceRepository}. */
interface InvoiceRows {

	/**
	 * One page of the account's invoices that match the filter, newest first, each with its billing
	 * profile's name: one query, and a count (bounded, see {@link com.billingportal.portal.Pages#counted}) only
	 * when the page does not tell the total.
	 */
	ListPage<InvoiceRow> findRows(long accountId, InvoiceFilter filter, LocalDate today, BigDecimal cardLimit,
			Pageable pageable);

}
