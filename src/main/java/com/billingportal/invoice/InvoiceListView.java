package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;
import com.billingportal.profile.ProfileNamesQuery;

import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The invoices blade's model, shared by the list and by the Pay now blade that opens beside it.
 */
@Component
public class InvoiceListView {

	private final InvoiceService invoices;

	private final ProfileNamesQuery profiles;

	private final DateFormat dates;

	private final MoneyFormat money;

	private final ListedInvoiceRows rows;

	InvoiceListView(InvoiceService invoices, ProfileNamesQuery profiles, DateFormat dates, MoneyFormat money,
			ListedInvoiceRows rows) {
		this.invoices = invoices;
		this.profiles = profiles;
		this.dates = dates;
		this.money = money;
		this.rows = rows;
	}

	public void populate(Model model, AccountAccess access, InvoiceListQuery query) {
		InvoiceFilter filter = query.filter();
		Page<InvoiceRow> page = this.invoices.page(access, filter, query.pageNumber());
		model.addAttribute("access", access);
		model.addAttribute("filter", filter);
		// The page for the pager, its rows as the list writes them.
		model.addAttribute("invoices", page);
		model.addAttribute("listedInvoices",
				ListedInvoice.of(page.getContent(), access, this.dates, this.money, LocaleContextHolder.getLocale()));
		// What writes those rows (a bean reference, @listedInvoiceRows, is refused in th:utext).
		model.addAttribute("invoiceRows", this.rows);
		model.addAttribute("profiles", this.profiles.namesOf(access.accountId()));
		model.addAttribute("statuses", InvoiceStatus.CHOICES);
		model.addAttribute("spans", InvoiceFilter.TimeSpan.CHOICES);
		model.addAttribute("downloadMax", this.invoices.downloadMax());
		// The page shown, which is the last one when the address asked for one past the end.
		model.addAttribute("listQuery", query.queryString(page.getNumber()));
	}

}
