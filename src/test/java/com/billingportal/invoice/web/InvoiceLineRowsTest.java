package com.billingportal.invoice.web;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.billingportal.invoice.InvoiceLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice page's line items as {@link InvoiceLineRows} writes them. */
class InvoiceLineRowsTest {

	private final InvoiceLineRows rows = new InvoiceLineRows(messages());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void eachLineIsARowOfSixCells() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.rows.html(List.of(line("Virtual Machines", "D4s v5", "1234.5", "hours", "0.0965", "119.13"))))
			.isEqualTo("<tr>\n<td>Virtual Machines</td>\n<td>D4s v5</td>\n<td class=\"num\">1,234.50</td>\n"
					+ "<td>Hours</td>\n<td class=\"num\">0.0965</td>\n<td class=\"num\">119.13</td>\n</tr>\n");
	}

	@Test
	void numbersAreFormattedAsThymeleafsFormatDecimalFormatsThem() {
		String[] numbers = { "0", "0.5", "1", "-1.005", "12.345", "1234.5", "1234567.891", "0.00001", "999999999.9999",
				"-0.0965", "1E+3", "2.5", "3.5" };
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.GERMANY, Locale.FRANCE,
				Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("hi-IN"))) {
			for (int digits : new int[] { 0, 2, 4 }) {
				for (String n : numbers) {
					BigDecimal number = new BigDecimal(n);
					// Twice: the second from the kept format.
					for (int i = 0; i < 2; i++) {
						assertThat(InvoiceLineRows.decimal(number, digits, locale)).as("%s, %d digits, %s", n, digits, locale)
							.isEqualTo(NumberUtils.format(number, 1, NumberPointType.DEFAULT, digits,
									NumberPointType.DEFAULT, locale));
					}
				}
			}
		}
	}

	@Test
	void theUnitInTheReadersLanguageOrAsBilled() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.rows
			.html(List.of(line("VM", "D4s", "2", "hours", "1", "2"), line("VM", "D4s", "2", "GB-months", "1", "2"))))
			.contains("<td>小时</td>", "<td>GB-months</td>");
	}

	@Test
	void markupIsWrittenAsText() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.rows.html(List.of(line("<script>alert(1)</script>", "\"D4s\" & 'co'", "1", "<b>", "1", "1"))))
			.doesNotContain("<script>", "<b>")
			.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", "<td>&quot;D4s&quot; &amp; &#39;co&#39;</td>",
					"<td>&lt;b&gt;</td>");
	}

	@Test
	void noLinesNoRows() {
		assertThat(this.rows.html(List.of())).isEmpty();
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("unit.hours", Locale.ENGLISH, "Hours");
		messages.addMessage("unit.hours", Locale.SIMPLIFIED_CHINESE, "小时");
		return messages;
	}

	/** A line as the invoice module makes it (its constructor is the module's own). */
	private static InvoiceLine line(String service, String description, String quantity, String unit, String unitPrice,
			String amount) {
		try {
			Constructor<InvoiceLine> made = InvoiceLine.class.getDeclaredConstructor(long.class, int.class, String.class,
					String.class, BigDecimal.class, String.class, BigDecimal.class, BigDecimal.class);
			made.setAccessible(true);
			return made.newInstance(1L, 1, service, description, new BigDecimal(quantity), unit,
					new BigDecimal(unitPrice), new BigDecimal(amount));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
