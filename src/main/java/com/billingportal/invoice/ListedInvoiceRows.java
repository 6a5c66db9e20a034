package com.billingportal.invoice;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.unbescape.html.HtmlEscape;
import org.unbescape.html.HtmlEscapeLevel;
import org.unbescape.html.HtmlEscapeType;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rows of the Invoices list ({@code invoice/list.html}, shared by the Pay now and Pay selected
 * blades), written here rather than by a {@code th:each} over the row's markup.
 * <p>
 * Why: with the rows written by Thymeleaf, processing their attributes (some 35 per row: the
 * number, links, labels, status and actions) was a sixth of the Invoices page's CPU time, measured
 * by replacing them with fixed markup of the same size (request threads' CPU per page 1.13 → 0.93
 * ms, warmed up, H2, docs/performance.md); Thymeleaf also walks every element and text of every row.
 * Here a row is a few dozen appends.
 * <p>
 * Every value is escaped as Thymeleaf's {@code th:text} and attribute processors escape it
 * ({@link HtmlEscape#escapeHtml4Xml}: {@code < > & " '}), values the user typed (a billing
 * profile's name) and values of the portal alike, and every word comes from the messages in the
 * reader's language. {@code ListedInvoiceRowsTest} holds the markup;
 * {@code ProfileEditTest.markupInANameIsShownAsText} a profile name made of markup on the list.
 * <p>
 * The rows' own characters beyond ASCII (the dash between a period's dates, the status symbols) are
 * written as character references ({@code &#8211;}), so that a list whose words and values are all
 * Latin-1 (English with dollar amounts) stays one byte a character in its {@code StringBuilder} and
 * its {@code String}: a single dash or symbol turned the whole builder into two bytes a character,
 * copied once when it switched and twice more when it became a {@code String}. The rows took 59 of the
 * 347 KB an Invoices page allocated, 22 KB since (async-profiler, docs/performance.md). Words, names
 * or amounts beyond Latin-1 (Chinese, a euro sign) still make the builder two bytes a character. A
 * browser shows the same characters.
 * <p>
 * To add a column: its {@code <th>} in {@code invoice/list.html}, its {@code <td>} here, and a case
 * in {@code ListedInvoiceRowsTest}.
 */
@Component
public class ListedInvoiceRows {

	/** Each status's symbol as character references (the status fragment's symbol, written in ASCII). */
	private static final Map<InvoiceStatus, String> SYMBOLS = symbols();

	private final MessageSource messages;

	ListedInvoiceRows(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The rows' HTML, for {@code th:utext}.
	 * @param rows the page's invoices, in order
	 * @param invoicesUrl the list's address, which each invoice's address extends
	 * @param listQuery the list's query string ({@code ?status=…}, or empty) that the Pay links keep
	 * @param openInBlade the invoice whose Pay now blade is open beside the list, if any
	 * @param selected the invoices checked for paying together, if any
	 */
	public String html(List<ListedInvoice> rows, String invoicesUrl, @Nullable String listQuery,
			@Nullable String openInBlade, @Nullable Collection<String> selected) {
		Locale locale = LocaleContextHolder.getLocale();
		Words words = new Words(this.messages, locale);
		String base = escape(invoicesUrl);
		String query = (listQuery != null) ? escape(listQuery) : "";
		StringBuilder out = new StringBuilder(rows.size() * 1400);
		for (ListedInvoice listed : rows) {
			String number = escape(listed.number());
			String url = base + "/" + escape(listed.numberSegment());
			boolean checked = selected != null && selected.contains(listed.number());
			boolean chosen = checked || listed.number().equals(openInBlade);
			out.append("<tr id=\"invoice-").append(number).append("\" data-invoice=\"").append(number).append('"');
			if (chosen) {
				out.append(" class=\"selected\"");
			}
			out.append(">\n<td class=\"select\"><input type=\"checkbox\" name=\"invoice\" value=\"")
				.append(number)
				.append("\" id=\"select-")
				.append(number)
				.append('"');
			if (checked) {
				out.append(" checked=\"checked\"");
			}
			out.append(" aria-label=\"")
				.append(words.format("invoices.select.label", listed.number()))
				.append("\"></td>\n<td><a href=\"")
				.append(url)
				.append("\">")
				.append(number)
				.append("</a></td>\n<td>")
				.append(escape(listed.billingProfileName()))
				.append("</td>\n<td>")
				.append(escape(listed.invoiceDate()))
				.append("</td>\n<td><span>")
				.append(escape(listed.periodStart()))
				.append("</span> &#8211; <span>")
				.append(escape(listed.periodEnd()))
				.append("</span></td>\n<td>")
				.append(escape(listed.dueDate()))
				.append("</td>\n<td class=\"num\"><span>")
				.append(escape(listed.amountDue()))
				.append("</span>");
			if (listed.isPartiallyPaid()) {
				out.append("\n<span class=\"balance\">")
					.append(words.format("invoices.balanceDue", listed.balanceDue()))
					.append("</span>");
			}
			// The markup of fragments/billing :: status (change both together; its symbol here as
			// character references): a status is never told by colour alone, its symbol and words.
			InvoiceStatus status = listed.status();
			out.append("</td>\n<td class=\"invoice-status\"><span class=\"")
				.append(escape(status.cssClass()))
				.append("\">\n<span class=\"status-icon\" aria-hidden=\"true\">")
				.append(SYMBOLS.get(status))
				.append("</span>\n<span>")
				.append(words.word(status.messageKey()))
				.append("</span>\n</span></td>\n<td class=\"actions\">\n");
			Payability payability = listed.payability();
			if (payability.isPayNow()) {
				payLink(out, "pay-now", url + "/pay" + query, words, "invoices.payNow", listed.number());
			}
			if (payability.isWireOnly()) {
				payLink(out, "pay-part", url + "/pay" + query, words, "invoices.payPart", listed.number());
				out.append("<span class=\"wire\"><span>")
					.append(words.word("invoices.payByWire"))
					.append("</span>\n<span class=\"hint\">")
					.append(words.format("invoices.payByWire.aboveLimit", listed.cardLimit()))
					.append("</span></span>\n");
			}
			if (payability.isInProgress()) {
				out.append("<span class=\"processing\">").append(words.word("invoices.processing")).append("</span>\n");
			}
			out.append("<a class=\"download\" href=\"")
				.append(url)
				.append("/pdf\" aria-label=\"")
				.append(words.format("invoices.downloadPdf.label", listed.number()))
				.append("\">")
				.append(words.word("invoices.downloadPdf"))
				.append("</a>\n</td>\n</tr>\n");
		}
		return out.toString();
	}

	/** A link to the Pay blade: its words ({@code code}) and its label naming the invoice ({@code code.label}). */
	private static void payLink(StringBuilder out, String cssClass, String href, Words words, String code,
			String number) {
		out.append("<a class=\"")
			.append(cssClass)
			.append("\" href=\"")
			.append(href)
			.append("\" aria-label=\"")
			.append(words.format(code + ".label", number))
			.append("\">")
			.append(words.word(code))
			.append("</a>\n");
	}

	private static Map<InvoiceStatus, String> symbols() {
		Map<InvoiceStatus, String> symbols = new EnumMap<>(InvoiceStatus.class);
		for (InvoiceStatus status : InvoiceStatus.values()) {
			symbols.put(status, HtmlEscape.escapeHtml(status.symbol(), HtmlEscapeType.DECIMAL_REFERENCES,
					HtmlEscapeLevel.LEVEL_2_ALL_NON_ASCII_PLUS_MARKUP_SIGNIFICANT));
		}
		return symbols;
	}

	private static String escape(@Nullable String text) {
		return (text != null) ? HtmlEscape.escapeHtml4Xml(text) : "";
	}

	/** The page's words, escaped: plain words looked up once per page, formatted ones each time. */
	private static final class Words {

		private final MessageSource messages;

		private final Locale locale;

		private final Map<String, String> looked = new HashMap<>();

		Words(MessageSource messages, Locale locale) {
			this.messages = messages;
			this.locale = locale;
		}

		String word(String code) {
			return this.looked.computeIfAbsent(code, (c) -> escape(this.messages.getMessage(c, null, this.locale)));
		}

		String format(String code, @Nullable String argument) {
			return escape(this.messages.getMessage(code, new Object[] { argument }, this.locale));
		}

	}

}
