package com.billingportal.invoice.web;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.InvoiceDetailContributor;
import com.billingportal.invoice.InvoiceDocument;
import com.billingportal.invoice.InvoiceDocumentSection;
import com.billingportal.invoice.InvoiceDocuments;
import com.billingportal.invoice.InvoiceListQuery;
import com.billingportal.invoice.InvoiceListView;
import com.billingportal.invoice.InvoicePdf;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.UsageCsv;
import com.billingportal.portal.Downloads;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The invoices list, an invoice's page, its PDF and its usage CSV. */
@Controller
@RequestMapping("/billing/accounts/{accountId}/invoices")
class InvoiceController {

	private final InvoiceListView listView;

	private final InvoiceService invoices;

	private final InvoiceDocuments documents;

	private final InvoicePdf pdf;

	private final List<InvoiceDetailContributor> contributors;

	private final InvoiceLineRows lineRows;

	InvoiceController(InvoiceListView listView, InvoiceService invoices, InvoiceDocuments documents, InvoicePdf pdf,
			List<InvoiceDetailContributor> contributors, InvoiceLineRows lineRows) {
		this.lineRows = lineRows;
		this.listView = listView;
		this.invoices = invoices;
		this.documents = documents;
		this.pdf = pdf;
		this.contributors = contributors;
	}

	@GetMapping
	String list(AccountAccess access, InvoiceListQuery query, Model model) {
		this.listView.populate(model, access, query);
		return "invoice/list";
	}

	@GetMapping("/{number}")
	String detail(AccountAccess access, @PathVariable String number, Model model, Locale locale) {
		InvoiceDocument doc = this.documents.document(access, number);
		model.addAttribute("access", access);
		model.addAttribute("soldTo", doc.soldTo());
		model.addAttribute("invoice", doc.invoice());
		model.addAttribute("status", doc.status());
		model.addAttribute("billTo", doc.billTo());
		model.addAttribute("lines", doc.lines());
		model.addAttribute("lineRows", this.lineRows);
		model.addAttribute("payability", doc.payability());
		model.addAttribute("cardLimit", this.invoices.cardLimit(doc.invoice()));
		model.addAttribute("wire", doc.isOpen() ? this.pdf.wireFacts(doc.invoice(), locale) : null);
		this.contributors.forEach((c) -> c.contribute(access, doc.invoice(), model));
		return "invoice/detail";
	}

	@GetMapping("/{number}/pdf")
	ResponseEntity<byte[]> pdf(AccountAccess access, @PathVariable String number, Locale locale) {
		InvoiceDocument doc = this.documents.document(access, number);
		List<InvoiceDocumentSection> sections = this.contributors.stream()
			.flatMap((c) -> c.sections(access, doc.invoice(), locale).stream())
			.toList();
		return Downloads.attachment(this.pdf.render(doc, sections, locale), MediaType.APPLICATION_PDF,
				"Invoice-" + doc.invoice().number() + ".pdf");
	}

	@GetMapping("/{number}/usage.csv")
	ResponseEntity<byte[]> usage(AccountAccess access, @PathVariable String number) {
		InvoiceDocument doc = this.documents.document(access, number);
		return Downloads.attachment(UsageCsv.write(doc), Downloads.CSV, "Usage-" + doc.invoice().number() + ".csv");
	}

}
