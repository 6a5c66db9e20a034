package com.billingportal.invoice.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceAttachments;
import com.billingportal.invoice.InvoiceDetailContributor;
import com.billingportal.invoice.InvoiceDocument;
import com.billingportal.invoice.InvoiceDocumentSection;
import com.billingportal.invoice.InvoiceDocuments;
import com.billingportal.invoice.InvoiceListQuery;
import com.billingportal.invoice.InvoicePdf;
import com.billingportal.invoice.InvoiceProperties;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.UsageCsv;
import com.billingportal.portal.Flash;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Download: the selected invoices (or the whole result of the list's filter) as one ZIP, written
 * to the response as it is made (each invoice's files are added and sent in turn, never the whole
 * archive in memory). One folder per invoice, named by its id, holds its PDF, its usage CSV and the
 * receipts of its payments, in the reader's language. At most
 * {@code billing.invoices.download-max} invoices per request.
 */
@Controller
@RequestMapping("/billing/accounts/{accountId}/invoices/download")
class InvoiceDownloadController {

	private final InvoiceService invoices;

	private final InvoiceDocuments documents;

	private final InvoicePdf pdf;

	private final List<InvoiceDetailContributor> contributors;

	private final List<InvoiceAttachments> attachments;

	private final InvoiceProperties properties;

	InvoiceDownloadController(InvoiceService invoices, InvoiceDocuments documents, InvoicePdf pdf,
			List<InvoiceDetailContributor> contributors, List<InvoiceAttachments> attachments,
			InvoiceProperties properties) {
		this.invoices = invoices;
		this.documents = documents;
		this.pdf = pdf;
		this.contributors = contributors;
		this.attachments = attachments;
		this.properties = properties;
	}

	@GetMapping
	void download(AccountAccess access, @RequestParam(name = "invoice", required = false) List<String> numbers,
			@RequestParam(name = "all", required = false) String all, InvoiceListQuery list, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		List<String> chosen = (all != null) ? this.invoices.numbers(access, list.filter(), this.properties.downloadMax() + 1)
				: (numbers != null) ? numbers.stream().distinct().toList() : List.of();
		if (chosen.isEmpty() || chosen.size() > this.properties.downloadMax()) {
			String key = chosen.isEmpty() ? "download.none" : "download.tooMany";
			refuse(access, list, key, String.valueOf(this.properties.downloadMax()), request, response);
			return;
		}
		List<Invoice> found = this.invoices.invoicesByNumber(access, chosen);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("Invoices-" + this.invoices.today() + ".zip")
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
			for (Invoice invoice : found) {
				add(zip, access, invoice, locale);
				// Sent now: a flush of the stream alone waits for the end of the request (portal.WholeResponses).
				zip.flush();
				response.flushBuffer();
			}
		}
	}

	/** The invoice's folder: its PDF, its usage CSV and what other features attach (receipts). */
	private void add(ZipOutputStream zip, AccountAccess access, Invoice invoice, Locale locale) throws IOException {
		InvoiceDocument doc = this.documents.document(access, invoice.number());
		List<InvoiceDocumentSection> sections = this.contributors.stream()
			.flatMap((c) -> c.sections(access, invoice, locale).stream())
			.toList();
		String folder = invoice.number() + "/";
		entry(zip, folder + "Invoice-" + invoice.number() + ".pdf", this.pdf.render(doc, sections, locale));
		entry(zip, folder + "Usage-" + invoice.number() + ".csv", UsageCsv.write(doc));
		for (InvoiceAttachments a : this.attachments) {
			for (InvoiceAttachments.Attachment file : a.attachments(access, invoice, locale)) {
				entry(zip, folder + file.fileName(), file.content());
			}
		}
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	/** Back to the list with the reason (Post/Redirect/Get's flash message, without a view). */
	private static void refuse(AccountAccess access, InvoiceListQuery list, String key, String argument,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		String location = request.getContextPath() + "/billing/accounts/" + access.accountId() + "/invoices"
				+ list.queryString();
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flash", new Flash("error", key, argument));
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		response.sendRedirect(location);
	}

}
