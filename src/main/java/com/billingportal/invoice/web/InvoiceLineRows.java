package com.billingportal.invoice.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.billingportal.invoice.InvoiceLine;
import org.unbescape.html.HtmlEscape;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The line items' rows of the invoice page ({@code invoice/detail.html}), written here rather than
 * by a {@code th:each}, as {@code invoice.ListedInvoiceRows} writes the Invoices list's: the rows'
 * six cells, three of them numbers formatted through {@code #numbers} and one a message looked up
 * through {@code #messages}, were an eighth of the page's CPU (async-profiler, docs/performance.md).
 * <p>
 * Every text is escaped as {@code th:text} escapes it ({@link HtmlEscape#escapeHtml4Xml}); the
 * numbers are formatted as {@code #numbers.formatDecimal} formats them, in the reader's language,
 * by a copy of a format made once per language and number of digits ({@link #decimal}: making one
 * per number, as Thymeleaf does, was a twentieth of the page's rendering); a unit's name comes from
 * the messages ({@code unit.*}), or is the unit as billed.
 * {@code InvoiceLineRowsTest} holds the markup.
 * <p>
 * The controller hands it to the template as a model attribute ({@code lineRows}), not as a bean
 * reference ({@code @invoiceLineRows}): SpEL compiles the one and interprets the other on every
 * call. Public because the template's expression calls it. To add a column: its {@code <th>} in
 * {@code invoice/detail.html}, its {@code <td>} here, and a case in {@code InvoiceLineRowsTest}.
 */
@Component
public class InvoiceLineRows {

	private final MessageSource messages;

	InvoiceLineRows(MessageSource messages) {
		this.messages = messages;
	}

	/** The rows' HTML, for {@code th:utext}. */
	public String html(List<InvoiceLine> lines) {
		Locale locale = LocaleContextHolder.getLocale();
		StringBuilder out = new StringBuilder(lines.size() * 200);
		for (InvoiceLine line : lines) {
			out.append("<tr>\n<td>")
				.append(escape(line.serviceName()))
				.append("</td>\n<td>")
				.append(escape(line.description()))
				.append("</td>\n<td class=\"num\">")
				.append(escape(decimal(line.quantity(), 2, locale)))
				.append("</td>\n<td>")
				.append(escape(line.unitName(this.messages, locale)))
				.append("</td>\n<td class=\"num\">")
				.append(escape(decimal(line.unitPrice(), 4, locale)))
				.append("</td>\n<td class=\"num\">")
				.append(escape(decimal(line.amount(), 2, locale)))
				.append("</td>\n</tr>\n");
		}
		return out.toString();
	}

	/**
	 * As {@code #numbers.formatDecimal(n, 1, 'DEFAULT', digits, 'DEFAULT')} formats it: Thymeleaf's
	 * {@code NumberUtils} builds the format below for every number ({@code InvoiceLineRowsTest}
	 * compares the two); here it is built once per language and digits and copied for each use
	 * ({@link DecimalFormat} is not thread-safe).
	 */
	static String decimal(BigDecimal number, int digits, Locale locale) {
		DecimalFormat format = FORMATS.computeIfAbsent(new FormatKey(locale, digits), InvoiceLineRows::format);
		return ((DecimalFormat) format.clone()).format(number);
	}

	private static final Map<FormatKey, DecimalFormat> FORMATS = new ConcurrentHashMap<>();

	private record FormatKey(Locale locale, int digits) {
	}

	private static DecimalFormat format(FormatKey key) {
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(key.locale());
		format.setMinimumFractionDigits(key.digits());
		format.setMaximumFractionDigits(key.digits());
		format.setMinimumIntegerDigits(1);
		format.setDecimalSeparatorAlwaysShown(key.digits() > 0);
		format.setGroupingUsed(true);
		format.setDecimalFormatSymbols(new DecimalFormatSymbols(key.locale()));
		return format;
	}

	private static String escape(String text) {
		return (text != null) ? HtmlEscape.escapeHtml4Xml(text) : "";
	}

}
