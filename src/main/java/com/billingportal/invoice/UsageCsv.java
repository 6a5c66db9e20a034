package com.billingportal.invoice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.billingportal.money.Money;

/**
 * An invoice's line items as a usage-details CSV in Azure's shape: one row per line item,
 * machine-readable columns (English names, ISO dates, plain decimals), RFC 4180 quoting, UTF-8
 * with a byte order mark so that spreadsheet programs read Chinese names correctly. Text a tenant
 * typed (company, profile, line item names) is never read as a formula by a spreadsheet (OWASP
 * "CSV injection"); numbers are written from {@link BigDecimal}, so a negative one stays a number.
 */
public final class UsageCsv {

	public static final List<String> HEADER = List.of("InvoiceId", "BillingAccountName", "BillingProfileName",
			"BillingPeriodStartDate", "BillingPeriodEndDate", "LineNumber", "MeterCategory", "ProductName", "Quantity",
			"UnitOfMeasure", "UnitPrice", "CostInBillingCurrency", "BillingCurrency");

	private static final String BOM = "\uFEFF";

	private UsageCsv() {
	}

	public static byte[] write(InvoiceDocument document) {
		Invoice invoice = document.invoice();
		String currency = invoice.amountDue().currencyCode();
		StringBuilder out = new StringBuilder(BOM);
		row(out, HEADER.stream().map(UsageCsv::text).toList());
		for (InvoiceLine line : document.lines()) {
			row(out, List.of(text(invoice.number()), text(document.soldTo().accountName()), text(document.billTo().profileName()),
					invoice.periodStart().toString(), invoice.periodEnd().toString(), String.valueOf(line.lineNo()),
					text(line.serviceName()), text(line.description()), number(line.quantity().stripTrailingZeros()),
					text(line.unit()), number(line.unitPrice().stripTrailingZeros()),
					number(Money.of(line.amount(), currency).amount()), text(currency)));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A row of cells already made safe by {@link #text} or {@link #number}. */
	private static void row(StringBuilder out, List<String> cells) {
		out.append(String.join(",", cells)).append("\r\n");
	}

	/**
	 * A text cell. One that starts with a character a spreadsheet reads as the start of a formula
	 * ({@code = + - @}, a tab or a carriage return) gets a leading single quote, which the
	 * spreadsheet shows as text, and is quoted.
	 */
	static String text(String field) {
		if (field != null && !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
			return '"' + ("'" + field).replace("\"", "\"\"") + '"';
		}
		return quote(field);
	}

	/** A number cell: plain decimal notation, a minus sign for a negative amount, never quoted. */
	static String number(BigDecimal value) {
		return value.toPlainString();
	}

	/** Quotes a field that holds a comma, a quote or a line break; quotes inside are doubled. */
	static String quote(String field) {
		if (field == null) {
			return "";
		}
		boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
				|| field.indexOf('\r') >= 0 || (!field.isEmpty() && (field.charAt(0) == ' '
						|| field.charAt(field.length() - 1) == ' '));
		return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
	}

}
