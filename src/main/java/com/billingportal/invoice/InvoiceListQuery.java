package com.billingportal.invoice;

import java.util.Arrays;

import com.billingportal.portal.PageNumber;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invoices list's address as typed, bound from its query string: billing profile, status,
 * time span and page. Anything unknown in a filter means "all"; a page that cannot be one is 404.
 */
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
		return PageNumber.parse(this.page);
	}

	/** The list's query string, so that the blade and paging keep the user's filters. */
	public String queryString() {
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
		if (pageNumber() > 0) {
			b.queryParam("page", pageNumber());
		}
		return b.build().toUriString();
	}

}
