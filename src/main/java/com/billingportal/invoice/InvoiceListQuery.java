package com.billingportal.invoice;

import java.util.Arrays;

import com.billingportal.portal.Pages;
import com.billingportal.portal.QueryStringRecord;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invoices list's address as typed, bound from its query string: billing profile, status,
 * time span and page. Anything unknown in a filter means "all"; what cannot be a page number reads
 * the first page.
 */
@QueryStringRecord
public record InvoiceListQuery(String profile, String status, String span, String page) {

	public InvoiceFilter filter() {
		Long profileId = (this.profile != null && this.profile.matches("[0-9]{1,18}")) ? Long.valueOf(this.profile)
				: null;
		InvoiceStatus st = Arrays.stream(InvoiceStatus.values())
			.filter((s) -> s.name().equals(this.status))
			.findFirst()
			.orElse(null);
		InvoiceFilter.TimeSpan ts = Arrays.stream(InvoiceFilter.TimeSpan.values())
			.filter((s) -> s.name().equals(this.span))
			.findFirst()
			.orElse(InvoiceFilter.TimeSpan.ALL);
		return new InvoiceFilter(profileId, st, ts);
	}

	public int pageNumber() {
		return Pages.number(this.page);
	}

	/** The list's query string as typed, so that the blade and the list behind it keep the user's filters. */
	public String queryString() {
		return queryString(pageNumber());
	}

	/** The list's query string at this page. */
	public String queryString(int page) {
		InvoiceFilter filter = filter();
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		if (filter.profile() != null) {
			b.queryParam("profile", filter.profile());
		}
		if (filter.status() != null) {
			b.queryParam("status", filter.status().name());
		}
		if (filter.span() != InvoiceFilter.TimeSpan.ALL) {
			b.queryParam("span", filter.span().name());
		}
		if (page > 0) {
			b.queryParam("page", page);
		}
		return b.build().toUriString();
	}

}
