package com.billingportal.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.money.Money;
import com.billingportal.money.MoneyFormat;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The overview's charges by month: a server-rendered SVG per currency with 12 bars and no inline
 * style (CSP), and the same numbers in a table for screen readers.
 */
@PortalTest
class ChargesByMonthTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	MoneyFormat money;

	String overview(String email, long account, Locale locale) throws Exception {
		return this.mvc.perform(get("/billing/accounts/" + account).locale(locale).with(user(this.demo.user(email))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String section(String page, String id) {
		String from = page.substring(page.indexOf("id=\"" + id + "\""));
		return from.substring(0, from.indexOf("</figure>"));
	}

	static int count(String text, String pattern) {
		Matcher m = Pattern.compile(pattern).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	void twelveBarsAndATableWithEachMonthsCharges() throws Exception {
		String chart = section(overview(DemoData.CONTOSO_READER, this.demo.contoso(), Locale.ENGLISH), "charges-USD");
		assertThat(count(chart, "<rect class=\"chart-bar\"")).isEqualTo(12);
		assertThat(count(chart, "<th scope=\"row\">")).isEqualTo(12);
		assertThat(chart).doesNotContain("style=").doesNotContain("<script");
		YearMonth month = YearMonth.now().minusMonths(1);
		BigDecimal charged = this.demo.jdbc()
			.queryForObject("select coalesce(sum(amount_due), 0) from invoice where billing_account_id = ? and currency = 'USD'"
					+ " and status <> 'VOID' and invoice_date >= ? and invoice_date <= ?", BigDecimal.class,
					this.demo.contoso(), java.sql.Date.valueOf(month.atDay(1)), java.sql.Date.valueOf(month.atEndOfMonth()));
		String row = "<th scope=\"row\">" + month.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH))
				+ "</th><td>" + this.money.format(Money.of(charged, "USD"), Locale.ENGLISH) + "</td>";
		assertThat(chart).contains(row);
	}

	@Test
	void aNewInvoiceRaisesThisMonthsBar() throws Exception {
		String before = section(overview(DemoData.CONTOSO_ADMIN, this.demo.contoso(), Locale.ENGLISH), "charges-USD");
		this.demo.newDueInvoice();
		String after = section(overview(DemoData.CONTOSO_ADMIN, this.demo.contoso(), Locale.ENGLISH), "charges-USD");
		String thisMonth = YearMonth.from(LocalDate.now()).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
		assertThat(rowOf(after, thisMonth)).isNotEqualTo(rowOf(before, thisMonth));
	}

	static String rowOf(String chart, String month) {
		String from = chart.substring(chart.indexOf("<th scope=\"row\">" + month));
		return from.substring(0, from.indexOf("</tr>"));
	}

	@Test
	void eachCurrencyHasItsOwnChartInTheReadersLanguage() throws Exception {
		String page = overview(DemoData.FABRIKAM_ADMIN, this.demo.fabrikam(), Locale.SIMPLIFIED_CHINESE);
		assertThat(page).contains("id=\"charges-EUR\"").doesNotContain("id=\"charges-USD\"").contains("每月费用");
	}

}
