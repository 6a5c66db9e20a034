package com.billingportal.invoice.web;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceDetailContributor;
import com.billingportal.invoice.InvoiceDocument;
import com.billingportal.invoice.InvoiceDocumentSection;
import com.billingportal.invoice.InvoiceDocuments;
import com.billingportal.invoice.InvoiceListView;
import com.billingportal.invoice.InvoicePdf;
import com.billingportal.invoice.UsageCsv;
import com.billingportal.portal.Downloads;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class InvoiceController {

	private final BillingAccountService accounts;

	private final InvoiceListView listView;

	private final InvoiceDocuments documents;

	private final InvoicePdf pdf;

	private final List<InvoiceDetailContributor> contributors;

	InvoiceController(BillingAccountService accounts, InvoiceListView listView, InvoiceDocuments documents,
			InvoicePdf pdf, List<InvoiceDetailContributor> contributors) {
		this.accounts = accounts;
		this.listView = listView;
		this.documents = documents;
		this.pdf = pdf;
		this.contributors = contributors;
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
			Model model, Locale locale) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		InvoiceDocument doc = this.documents.document(access, number);
		Invoice invoice = doc.invoice();
		model.addAttribute("access", access);
		model.addAttribute("account", doc.account());
		model.addAttribute("invoice", invoice);
		model.addAttribute("status", doc.status());
		model.addAttribute("profile", doc.profile());
		model.addAttribute("lines", doc.lines());
		model.addAttribute("payability", doc.payability());
		model.addAttribute("wire", doc.isOpen() ? this.pdf.wireFacts(invoice, locale) : null);
		this.contributors.forEach((c) -> c.contribute(access, invoice, model));
		return "invoice/detail";
	}

	@GetMapping("/billing/accounts/{accountId}/invoices/{number}/pdf")
	ResponseEntity<byte[]> pdf(@CurrentUser PortalUser user, @PathVariable long accountId,
			@PathVariable String number, Locale locale) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		InvoiceDocument doc = this.documents.document(access, number);
		List<InvoiceDocumentSection> sections = this.contributors.stream()
			.flatMap((c) -> c.sections(access, doc.invoice(), locale).stream())
			.toList();
		return Downloads.attachment(this.pdf.render(doc, sections, locale), MediaType.APPLICATION_PDF,
				"Invoice-" + doc.invoice().number() + ".pdf");
	}

	@GetMapping("/billing/accounts/{accountId}/invoices/{number}/usage.csv")
	ResponseEntity<byte[]> usage(@CurrentUser PortalUser user, @PathVariable long accountId,
			@PathVariable String number) {
		InvoiceDocument doc = this.documents.document(this.accounts.access(user.id(), accountId), number);
		return Downloads.attachment(UsageCsv.write(doc), Downloads.CSV, "Usage-" + doc.invoice().number() + ".csv");
	}

}
