package com.billingportal.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.billingportal.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Invoices list's rows as {@link ListedInvoiceRows} writes them: the markup the list's
 * template wrote, every value escaped in text and in attributes, the words in the reader's
 * language.
 */
class ListedInvoiceRowsTest {

	private final ListedInvoiceRows rows = new ListedInvoiceRows(messages());

	@AfterEach
	void resetLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDueInvoicesRowHasItsCellsLinksAndLabels() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String html = this.rows.html(List.of(listed("G012345678", "Contoso Billing", Payability.PAY_NOW,
				InvoiceStatus.DUE)), "/billing/accounts/7/invoices", "?status=DUE&page=2", null, null);
		assertThat(html).contains("<tr id=\"invoice-G012345678\" data-invoice=\"G012345678\">",
				"<input type=\"checkbox\" name=\"invoice\" value=\"G012345678\" id=\"select-G012345678\" "
						+ "aria-label=\"Select invoice G012345678\">",
				"<td><a href=\"/billing/accounts/7/invoices/G012345678\">G012345678</a></td>",
				"<td>Contoso Billing</td>", "<td><span>Oct 1, 2026</span> &#8211; <span>Oct 31, 2026</span></td>",
				"<td class=\"num\"><span>$1,234.50</span></td>",
				"<span class=\"status status-due\">\n<span class=\"status-icon\" aria-hidden=\"true\">&#9675;</span>\n<span>Due</span>",
				"<a class=\"pay-now\" href=\"/billing/accounts/7/invoices/G012345678/pay?status=DUE&amp;page=2\" "
						+ "aria-label=\"Pay now: invoice G012345678\">Pay now</a>",
				"<a class=\"download\" href=\"/billing/accounts/7/invoices/G012345678/pdf\" "
						+ "aria-label=\"Download PDF: invoice G012345678\">Download PDF</a>")
			.doesNotContain("class=\"selected\"", "checked=", "class=\"pay-part\"", "class=\"processing\"",
					"class=\"balance\"");
	}

	@Test
	void markupInAnyValueIsWrittenAsText() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String html = this.rows.html(
				List.of(listed("G1\"><img src=x onerror=alert(1)>", "<script>alert(1)</script>", Payability.PAY_NOW,
						InvoiceStatus.DUE)),
				"/billing/accounts/7/invoices", "?q=\"><script>", null, null);
		assertThat(html).doesNotContain("<script>", "<img", "\"><img", "\"><script")
			.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>",
					"value=\"G1&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"",
					"aria-label=\"Select invoice G1&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"",
					"/pay?q=&quot;&gt;&lt;script&gt;\"");
	}

	@Test
	void markupInTheListsAddressIsWrittenAsText() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String html = this.rows.html(List.of(listed("G1", "P", Payability.PAY_NOW, InvoiceStatus.DUE)),
				"/i\"><script>", "", null, null);
		assertThat(html).doesNotContain("<script>").contains("href=\"/i&quot;&gt;&lt;script&gt;/G1\"");
	}

	@Test
	void theOpenBladesInvoiceAndTheCheckedOnesAreMarked() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<ListedInvoice> page = List.of(listed("G1", "P", Payability.PAY_NOW, InvoiceStatus.DUE),
				listed("G2", "P", Payability.PAY_NOW, InvoiceStatus.DUE),
				listed("G3", "P", Payability.PAY_NOW, InvoiceStatus.DUE));
		String blade = this.rows.html(page, "/i", "", "G2", null);
		assertThat(blade).contains("<tr id=\"invoice-G2\" data-invoice=\"G2\" class=\"selected\">")
			.contains("<tr id=\"invoice-G1\" data-invoice=\"G1\">")
			.doesNotContain("checked");
		String selected = this.rows.html(page, "/i", "", null, Set.of("G1", "G3"));
		assertThat(selected).contains("<tr id=\"invoice-G1\" data-invoice=\"G1\" class=\"selected\">",
				"value=\"G1\" id=\"select-G1\" checked=\"checked\"", "value=\"G3\" id=\"select-G3\" checked=\"checked\"",
				"<tr id=\"invoice-G2\" data-invoice=\"G2\">", "value=\"G2\" id=\"select-G2\" aria-label");
	}

	@Test
	void wireOnlyInProgressPartlyPaidAndPaidInvoicesSayWhatCanBeDone() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String html = this.rows.html(List.of(listed("W1", "P", Payability.WIRE_ONLY, InvoiceStatus.DUE),
				listed("R1", "P", Payability.IN_PROGRESS, InvoiceStatus.PROCESSING),
				listed("B1", "P", Payability.PAY_NOW, InvoiceStatus.PARTIALLY_PAID),
				listed("P1", "P", Payability.PAID, InvoiceStatus.PAID)), "/i", "", null, null);
		assertThat(html).contains("<a class=\"pay-part\" href=\"/i/W1/pay\" aria-label=\"",
				"<span class=\"wire\"><span>Pay by wire transfer</span>", "$50,000.00",
				"<span class=\"processing\">A payment for this invoice is being processed</span>",
				"<span class=\"balance\">Balance due $34.50</span>",
				"<span class=\"status-icon\" aria-hidden=\"true\">&#10003;</span>\n<span>Paid</span>");
		// In English, with dollar amounts and ASCII names, every character of the rows is ASCII: the
		// builder and its String one byte a character (a euro sign or a name beyond Latin-1 would not be).
		assertThat(html.chars().allMatch((c) -> c < 128)).as(html).isTrue();
		// One Pay now link (the partly paid invoice's); a Download PDF link on each of the four rows.
		assertThat(html.split("class=\"pay-now\"", -1)).hasSize(1 + 1);
		assertThat(html.split("class=\"download\"", -1)).hasSize(1 + 4);
	}

	@Test
	void theWordsAreTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String html = this.rows.html(List.of(listed("G1", "P", Payability.PAY_NOW, InvoiceStatus.DUE)), "/i", "",
				null, null);
		assertThat(html).contains(messages().getMessage("invoices.payNow", null, Locale.SIMPLIFIED_CHINESE),
				messages().getMessage("invoices.select.label", new Object[] { "G1" }, Locale.SIMPLIFIED_CHINESE))
			.doesNotContain("Pay now", "Download PDF");
	}

	private static ListedInvoice listed(String number, String profile, Payability payability,
			InvoiceStatus status) {
		InvoiceRow row = new InvoiceRow(number, 1L, profile, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 1), Money.of("1234.50", "USD"),
				Money.of("34.50", "USD"), status, true, Money.of("50000.00", "USD"));
		return new ListedInvoice(row, number, "Nov 1, 2026", "Oct 1, 2026", "Oct 31, 2026", "Dec 1, 2026", "$1,234.50",
				"$34.50", "$50,000.00", payability);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
