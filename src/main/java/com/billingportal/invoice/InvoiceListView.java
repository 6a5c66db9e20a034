package com.billingportal.invoice;

import java.util.Arrays;

import com.billingportal.account.AccountAccess;
import com.billingportal.profile.BillingProfileService;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invoices blade's model, shared by the list and by the Pay now blade that opens beside it.
 */
@Component
public class InvoiceListView {

	private final InvoiceService invoices;

	private final BillingProfileService profiles;

	InvoiceListView(InvoiceService invoices, BillingProfileService profiles) {
		this.invoices = invoices;
		this.profiles = profiles;
	}

	/** Reads the filters as typed in the address bar; anything unknown means "all". */
	public static InvoiceFilter filter(String profile, String status, String span) {
		Long profileId = null;
		if (profile != null && profile.matches("[0-9]{1,18}")) {
			profileId = Long.valueOf(profile);
		}
		InvoiceStatus st = Arrays.stream(InvoiceStatus.values())
			.filter((s) -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		InvoiceFilter.TimeSpan ts = Arrays.stream(InvoiceFilter.TimeSpan.values())
			.filter((s) -> s.name().equals(span))
			.findFirst()
			.orElse(InvoiceFilter.TimeSpan.ALL);
		return new InvoiceFilter(profileId, st, ts);
	}

	public void populate(Model model, AccountAccess access, InvoiceFilter filter, int page) {
		Page<InvoiceRow> rows = this.invoices.page(access, filter, page);
		model.addAttribute("access", access);
		model.addAttribute("filter", filter);
		model.addAttribute("invoices", rows);
		model.addAttribute("profiles", this.profiles.profilesOf(access.accountId()));
		model.addAttribute("statuses", InvoiceStatus.values());
		model.addAttribute("spans", InvoiceFilter.TimeSpan.values());
		model.addAttribute("listQuery", query(filter, rows.getNumber()));
	}

	/** The list's query string, so that the blade and paging keep the user's filters. */
	public static String query(InvoiceFilter filter, int page) {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		if (filter.profile() != null) {
			b.queryParam("profile", filter.profile());
		}
		if (filter.status() != null) {
			b.queryParam("status", filter.status().name());
		}
		if (filter.span() != null && filter.span() != InvoiceFilter.TimeSpan.ALL) {
			b.queryParam("span", filter.span().name());
		}
		if (page > 0) {
			b.queryParam("page", page);
		}
		return b.build().toUriString();
	}

}
