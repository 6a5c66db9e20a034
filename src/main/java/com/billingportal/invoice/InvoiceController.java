package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class InvoiceController {

	private final BillingAccountService accounts;

	private final InvoiceService invoices;

	private final InvoiceListView listView;

	private final BillingProfileService profiles;

	InvoiceController(BillingAccountService accounts, InvoiceService invoices, InvoiceListView listView,
			BillingProfileService profiles) {
		this.accounts = accounts;
		this.invoices = invoices;
		this.listView = listView;
		this.profiles = profiles;
	}

	@GetMapping("/billing/accounts/{accountId}/invoices")
	String list(@CurrentUser PortalUser user, @PathVariable long accountId,
			@RequestParam(required = false) String profile, @RequestParam(required = false) String status,
			@RequestParam(required = false) String span, @RequestParam(defaultValue = "0") int page, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		this.listView.populate(model, access, InvoiceListView.filter(profile, status, span), page);
		return "invoice/list";
	}

	@GetMapping("/billing/accounts/{accountId}/invoices/{number}")
	String detail(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable String number,
			Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		Invoice invoice = this.invoices.invoice(accountId, number);
		model.addAttribute("access", access);
		model.addAttribute("account", this.accounts.account(access));
		model.addAttribute("invoice", invoice);
		model.addAttribute("status", invoice.status(this.invoices.today()));
		model.addAttribute("profile", this.profiles.profile(accountId, invoice.billingProfileId()));
		model.addAttribute("lines", this.invoices.lines(invoice));
		model.addAttribute("payable", invoice.isPayable() && access.canPayInvoices()
				&& this.invoices.isWithinCardLimit(invoice));
		return "invoice/detail";
	}

}
