package com.billingportal.invoice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.account.Address;
import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;
import com.billingportal.portal.PortalPdf;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The invoice as a PDF, with what its page shows, a "How to pay" section with the wire-transfer
 * details, and a PAID stamp once paid. Written in the reader's language.
 */
@Component
public class InvoicePdf {

	private final MessageSource messages;

	private final MoneyFormat money;

	private final DateFormat dates;

	private final WireTransfer wire;

	InvoicePdf(MessageSource messages, MoneyFormat money, DateFormat dates, WireTransfer wire) {
		this.messages = messages;
		this.money = money;
		this.dates = dates;
		this.wire = wire;
	}

	public byte[] render(InvoiceDocument doc, Locale locale) {
		return render(doc, List.of(), locale);
	}

	public byte[] render(InvoiceDocument doc, List<InvoiceDocumentSection> sections, Locale locale) {
		Invoice invoice = doc.invoice();
		String title = text(locale, "detail.heading") + " " + invoice.number();
		return PortalPdf.render(title, locale.toLanguageTag(), (pdf) -> {
			pdf.title(title, doc.soldTo().accountName());
			if (doc.isPaid()) {
				pdf.stamp(text(locale, doc.status().messageKey()));
			}
			pdf.facts(facts(doc, locale));
			pdf.heading(text(locale, "detail.lines"));
			lines(pdf, doc, locale);
			for (InvoiceDocumentSection section : sections) {
				pdf.heading(section.heading());
				pdf.table(section.headers(), section.widths(), section.rows(), section.numericColumns(), Map.of());
			}
			if (doc.isOpen()) {
				pdf.heading(text(locale, "detail.howToPay"));
				pdf.paragraph(text(locale, "detail.howToPay.wire"));
				pdf.facts(wireFacts(invoice, locale));
				if (doc.payability().isPayNow()) {
					pdf.paragraph(text(locale, "detail.howToPay.card"));
				}
			}
		});
	}

	/** Status, addresses, dates and total at the head of the invoice. */
	private Map<String, String> facts(InvoiceDocument doc, Locale locale) {
		Invoice invoice = doc.invoice();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put(text(locale, "invoices.col.status"), text(locale, doc.status().messageKey()));
		if (doc.isPaid() && invoice.paidAt() != null) {
			facts.put(text(locale, "detail.paidOn"),
					this.dates.date(invoice.paidAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate(), locale));
		}
		facts.put(text(locale, "detail.soldTo"), address(doc.soldTo().address()));
		facts.put(text(locale, "detail.billTo"), address(doc.billTo().address()));
		facts.put(text(locale, "invoices.col.profile"), doc.billTo().profileName());
		facts.put(text(locale, "detail.po"), orDash(doc.billTo().poNumber()));
		facts.put(text(locale, "profile.taxId"), orDash(doc.billTo().taxId()));
		facts.put(text(locale, "invoices.col.date"), this.dates.date(invoice.invoiceDate(), locale));
		facts.put(text(locale, "invoices.col.period"), this.dates.date(invoice.periodStart(), locale) + " – "
				+ this.dates.date(invoice.periodEnd(), locale));
		facts.put(text(locale, "invoices.col.due"), this.dates.date(invoice.dueDate(), locale));
		facts.put(text(locale, "detail.terms"), text(locale, "detail.terms.net30"));
		facts.put(text(locale, "detail.total"), this.money.format(invoice.amountDue(), locale));
		paidSoFar(invoice, facts, locale);
		return facts;
	}

	/** A Partially paid invoice: what its parts have paid and the balance left to pay. */
	private void paidSoFar(Invoice invoice, Map<String, String> facts, Locale locale) {
		if (invoice.isPartiallyPaid()) {
			facts.put(text(locale, "detail.amountPaid"), this.money.format(invoice.amountPaid(), locale));
			facts.put(text(locale, "detail.balanceDue"), this.money.format(invoice.balanceDue(), locale));
		}
	}

	/** The line items with subtotal, tax and total under them. */
	private void lines(PortalPdf pdf, InvoiceDocument doc, Locale locale) {
		Invoice invoice = doc.invoice();
		List<List<String>> rows = doc.lines()
			.stream()
			.map((line) -> List.of(line.serviceName(), line.description(), number(line.quantity(), 2, locale),
					line.unitName(this.messages, locale), number(line.unitPrice(), 4, locale),
					number(line.amount(), 2, locale)))
			.toList();
		Map<String, String> totals = new LinkedHashMap<>();
		totals.put(text(locale, "detail.subtotal"), this.money.format(invoice.subtotal(), locale));
		totals.put(text(locale, "detail.tax"), this.money.format(invoice.tax(), locale));
		totals.put(text(locale, "detail.total"), this.money.format(invoice.amountDue(), locale));
		paidSoFar(invoice, totals, locale);
		pdf.table(
				List.of(text(locale, "detail.service"), text(locale, "detail.description"),
						text(locale, "detail.quantity"), text(locale, "detail.unit"), text(locale, "detail.unitPrice"),
						text(locale, "invoices.col.amount")),
				new float[] { 3, 4, 2, 2, 2, 2 }, rows, List.of(2, 4, 5), totals);
	}

	/** The wire-transfer details, with the invoice id as the payment reference. */
	public Map<String, String> wireFacts(Invoice invoice, Locale locale) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put(text(locale, "detail.wire.bank"), this.wire.bankName());
		facts.put(text(locale, "detail.wire.accountName"), this.wire.accountName());
		facts.put(text(locale, "detail.wire.accountNumber"), this.wire.accountNumber());
		facts.put(text(locale, "detail.wire.swift"), this.wire.swift());
		facts.put(text(locale, "detail.wire.reference"), invoice.number());
		// A Partially paid invoice is settled by wiring its balance, not the amount due.
		if (invoice.isPartiallyPaid()) {
			facts.put(text(locale, "detail.balanceDue"), this.money.format(invoice.balanceDue(), locale));
		}
		else {
			facts.put(text(locale, "detail.total"), this.money.format(invoice.amountDue(), locale));
		}
		return facts;
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String address(Address a) {
		return a.company() + "\n" + a.line1() + "\n" + a.postalCode() + " " + a.city() + "\n" + a.country();
	}

	private static String orDash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

	private static String number(BigDecimal value, int maxFraction, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(Math.min(2, maxFraction));
		format.setMaximumFractionDigits(maxFraction);
		return format.format(value);
	}

}
