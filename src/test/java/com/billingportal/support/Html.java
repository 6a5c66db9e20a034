package com.billingportal.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readers of rendered pages, for MockMvc tests. */
public final class Html {

	private Html() {
	}

	public static String idempotencyKey(String html) {
		return attribute(html, "name=\"idempotencyKey\" value=\"([^\"]+)\"");
	}

	/** The table row of an invoice in the invoices list. */
	public static String invoiceRow(String html, String number) {
		int start = html.indexOf("id=\"invoice-" + number + "\"");
		if (start < 0) {
			throw new AssertionError("No row for invoice " + number);
		}
		return html.substring(start, html.indexOf("</tr>", start));
	}

	/** The status word of an invoice row, e.g. "Paid". */
	public static String invoiceStatus(String html, String number) {
		String row = invoiceRow(html, number);
		Matcher m = Pattern.compile("class=\"status-icon\"[^>]*>[^<]*</span>\\s*<span>([^<]+)</span>").matcher(row);
		if (!m.find()) {
			throw new AssertionError("No status in the row of " + number);
		}
		return m.group(1).strip();
	}

	private static String attribute(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		if (!m.find()) {
			throw new AssertionError("Not found: " + regex);
		}
		return m.group(1);
	}

}
