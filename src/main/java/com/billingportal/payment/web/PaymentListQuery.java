package com.billingportal.payment.web;

import java.util.Arrays;

import com.billingportal.invoice.InvoiceFilter.TimeSpan;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.portal.Pages;
import com.billingportal.portal.QueryStringRecord;

/**
 * The Payments page's address as typed, bound from its query string: status, time span and page.
 * An unknown status or span means "all"; what cannot be a page number reads the first page.
 */
@QueryStringRecord
record PaymentListQuery(String status, String span, String page) {

	PaymentStatus statusOrAll() {
		return Arrays.stream(PaymentStatus.values()).filter((s) -> s.name().equals(this.status)).findFirst().orElse(null);
	}

	TimeSpan spanOrAll() {
		return Arrays.stream(TimeSpan.values()).filter((s) -> s.name().equals(this.span)).findFirst().orElse(TimeSpan.ALL);
	}

	int pageNumber() {
		return Pages.number(this.page);
	}

}
