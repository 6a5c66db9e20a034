package com.billingportal.invoice;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.billingportal.money.Money;

/**
 * An invoice's line items as a usage-details CSV in Azure's shape: one row per line item,
 * machine-readable columns (English names, ISO dates, plain decimals), RFC 4180 quoting, UTF-8
 * with a byte order mark so that spreadsheet programs read Chinese names correctly.
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
		row(out, HEADER);
		for (InvoiceLine line : document.lines()) {
			row(out, List.of(invoice.number(), document.account().name(), document.profile().name(),
					invoice.periodStart().toString(), invoice.periodEnd().toString(), String.valueOf(line.lineNo()),
					line.serviceName(), line.description(), line.quantity().stripTrailingZeros().toPlainString(),
					line.unit(), line.unitPrice().stripTrailingZeros().toPlainString(),
					Money.of(line.amount(), currency).amount().toPlainString(), currency));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void row(StringBuilder out, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(quote(fields.get(i)));
		}
		out.append("\r\n");
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
