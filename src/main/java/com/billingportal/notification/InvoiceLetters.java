package com.billingportal.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.autopay.AutopayGaveUp;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceDocument;
import com.billingportal.invoice.InvoiceDocuments;
import com.billingportal.invoice.InvoiceIssued;
import com.billingportal.invoice.InvoicePastDue;
import com.billingportal.invoice.InvoicePdf;
import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;

import org.springframework.stereotype.Component;

/**
 * Invoice issued (to the billing profile's recipients when its Invoice email preference is on, the
 * invoice PDF attached) and invoice past due (to the billing account admin and those recipients).
 * Both carry a Pay now link to the blade when the admin could pay the invoice by card: only the
 * admin can use it, anyone else who signs in sees the invoice.
 */
@Component
class InvoiceLetters {

	private final InvoiceDocuments documents;

	private final InvoicePdf pdf;

	private final Recipients recipients;

	private final Texts texts;

	private final MoneyFormat money;

	private final DateFormat dates;

	private final NotificationProperties properties;

	InvoiceLetters(InvoiceDocuments documents, InvoicePdf pdf, Recipients recipients, Texts texts, MoneyFormat money,
			DateFormat dates, NotificationProperties properties) {
		this.documents = documents;
		this.pdf = pdf;
		this.recipients = recipients;
		this.texts = texts;
		this.money = money;
		this.dates = dates;
		this.properties = properties;
	}

	Emails issued(InvoiceIssued event) {
		InvoiceDocument doc = this.documents.documentForAdmin(event.accountId(), event.invoiceId());
		List<String> to = this.recipients.profileRecipients(event.accountId(), doc.invoice().billingProfileId());
		return letters(doc, EmailKind.INVOICE_ISSUED, "email.issued", to);
	}

	Emails pastDue(InvoicePastDue event) {
		InvoiceDocument doc = this.documents.documentForAdmin(event.accountId(), event.invoiceId());
		List<String> to = new ArrayList<>();
		to.add(this.recipients.adminAddress(event.accountId()));
		to.addAll(this.recipients.profileRecipients(event.accountId(), doc.invoice().billingProfileId()));
		return letters(doc, EmailKind.INVOICE_PAST_DUE, "email.pastDue", to);
	}

	/** Automatic payment gave up: to the billing account admin, with a Pay now link and the last reason. */
	Emails autopayFailed(AutopayGaveUp event) {
		InvoiceDocument doc = this.documents.documentForAdmin(event.accountId(), event.invoiceId());
		Invoice invoice = doc.invoice();
		String link = this.properties
			.link("/billing/accounts/" + event.accountId() + "/invoices/" + invoice.number() + "/pay");
		List<Letter> letters = this.recipients.of(List.of(this.recipients.adminAddress(event.accountId())))
			.stream()
			.map((r) -> {
				Locale l = r.locale();
				Map<String, String> facts = facts(doc, l);
				String reason = (event.reason() != null) ? this.texts.orNull(l, "payment.decline." + event.reason())
						: null;
				if (reason != null) {
					facts.put(this.texts.get(l, "payments.col.reason"), reason);
				}
				return new Letter(r.address(), l, this.texts.get(l, "email.autopay.subject", invoice.number()),
						this.texts.get(l, "email.autopay.heading"),
						List.of(this.texts.get(l, "email.autopay.body", invoice.number(), event.attempts())), facts,
						this.texts.get(l, "email.autopay.action"), link, List.of(), List.of());
			})
			.toList();
		return new Emails(event.accountId(), EmailKind.AUTOPAY_FAILED, invoice.number(), letters);
	}

	private Emails letters(InvoiceDocument doc, EmailKind kind, String prefix, List<String> to) {
		Invoice invoice = doc.invoice();
		long accountId = invoice.billingAccountId();
		String base = "/billing/accounts/" + accountId + "/invoices/" + invoice.number();
		boolean payNow = doc.payability().isPayNow();
		String link = this.properties.link(payNow ? base + "/pay" : base);
		List<Letter> letters = this.recipients.of(to).stream().map((r) -> {
			Locale l = r.locale();
			List<String> paragraphs = new ArrayList<>();
			paragraphs.add(this.texts.get(l, prefix + ".body", invoice.number(), doc.soldTo().accountName(),
					this.money.format(invoice.amountDue(), l), this.dates.date(invoice.dueDate(), l)));
			if (payNow) {
				paragraphs.add(this.texts.get(l, "email.payNow.note"));
			}
			return new Letter(r.address(), l, this.texts.get(l, prefix + ".subject", invoice.number()),
					this.texts.get(l, prefix + ".heading"), paragraphs, facts(doc, l),
					this.texts.get(l, payNow ? "email.payNow" : "email.viewInvoice"), link, List.of(),
					List.of(new Letter.Attachment("invoice-" + invoice.number() + ".pdf", this.pdf.render(doc, l))));
		}).toList();
		return new Emails(accountId, kind, invoice.number(), letters);
	}

	private Map<String, String> facts(InvoiceDocument doc, Locale l) {
		Invoice invoice = doc.invoice();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put(this.texts.get(l, "invoices.col.id"), invoice.number());
		facts.put(this.texts.get(l, "invoices.col.profile"), doc.billTo().profileName());
		facts.put(this.texts.get(l, "invoices.col.date"), this.dates.date(invoice.invoiceDate(), l));
		facts.put(this.texts.get(l, "invoices.col.due"), this.dates.date(invoice.dueDate(), l));
		facts.put(this.texts.get(l, "detail.total"), this.money.format(invoice.amountDue(), l));
		return facts;
	}

}
