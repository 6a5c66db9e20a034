package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.profile.BillingProfileService;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

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

	public void populate(Model model, AccountAccess access, InvoiceListQuery query) {
		InvoiceFilter filter = query.filter();
		Page<InvoiceRow> rows = this.invoices.page(access, filter, query.pageNumber());
		model.addAttribute("access", access);
		model.addAttribute("filter", filter);
		model.addAttribute("invoices", rows);
		model.addAttribute("profiles", this.profiles.profilesOf(access.accountId()));
		model.addAttribute("statuses", InvoiceStatus.CHOICES);
		model.addAttribute("spans", InvoiceFilter.TimeSpan.CHOICES);
		model.addAttribute("downloadMax", this.invoices.downloadMax());
		// The page shown, which is the last one when the address asked for one past the end.
		model.addAttribute("listQuery", query.queryString(rows.getNumber()));
	}

}
