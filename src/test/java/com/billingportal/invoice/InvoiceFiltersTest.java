package com.billingportal.invoice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Each filter of the invoices list, and filters together, select exactly the invoices SQL says they
 * should, newest first, with the total in the pager: the list query is built from the chosen
 * filters only (docs/performance.md), so every combination is read back here.
 */
@PortalTest
class InvoiceFiltersTest {

	private static final Pattern ROW = Pattern.compile("<tr id=\"invoice-([^\"]+)\"");

	private static final Pattern TOTAL = Pattern.compile("Page \\d+ of \\d+ \\((\\d+) invoices\\)");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	MutableClock clock;

	@ParameterizedTest(name = "profile={0} status={1} span={2}")
	@CsvSource(nullValues = "-", value = { "-, -, -", "-, DUE, -", "-, PAST_DUE, -", "-, PAID, -", "-, VOID, -",
			"-, -, LAST_3_MONTHS", "-, -, LAST_12_MONTHS", "Contoso Billing, -, -", "Contoso Billing, PAID, -",
			"Contoso Billing, PAST_DUE, LAST_12_MONTHS", "-, DUE, LAST_6_MONTHS", "-, PAID, LAST_6_MONTHS" })
	void theListShowsWhatSqlSelects(String profileName, String status, String span) throws Exception {
		long account = this.demo.contoso();
		Long profile = (profileName != null) ? this.demo.profileId(profileName) : null;
		StringBuilder query = new StringBuilder("?page=0");
		if (profile != null) {
			query.append("&profile=").append(profile);
		}
		if (status != null) {
			query.append("&status=").append(status);
		}
		if (span != null) {
			query.append("&span=").append(span);
		}
		String html = this.mvc
			.perform(get("/billing/accounts/" + account + "/invoices" + query)
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> expected = expected(account, profile, status, span);
		assertThat(expected).as("the demo data has invoices for this filter").isNotEmpty();
		assertThat(rows(html)).containsExactlyElementsOf(expected.subList(0, Math.min(10, expected.size())));
		Matcher total = TOTAL.matcher(html);
		if (total.find()) {
			assertThat(Integer.parseInt(total.group(1))).isEqualTo(expected.size());
		}
		else {
			assertThat(expected).hasSizeLessThanOrEqualTo(10);
		}
	}

	@Test
	void aLaterPageShowsTheRowsSqlSelectsAfterThePagesBeforeIt() throws Exception {
		// A page's ids are found first and its rows read afterwards (docs/performance.md): the same
		// rows in the same order as reading the list from its start.
		long account = this.demo.contoso();
		List<String> expected = expected(account, null, null, null);
		assertThat(expected).as("the demo data has a second page").hasSizeGreaterThan(10);
		String html = this.mvc
			.perform(get("/billing/accounts/" + account + "/invoices?page=1")
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(rows(html)).containsExactlyElementsOf(expected.subList(10, Math.min(20, expected.size())));
	}

	private List<String> expected(long account, Long profile, String status, String span) {
		LocalDate today = LocalDate.now(this.clock);
		StringBuilder sql = new StringBuilder("select invoice_number from invoice where billing_account_id = ?");
		List<Object> args = new ArrayList<>(List.of(account));
		if (profile != null) {
			sql.append(" and billing_profile_id = ?");
			args.add(profile);
		}
		if ("PAST_DUE".equals(status) || "DUE".equals(status)) {
			sql.append(" and status = 'DUE' and amount_paid = 0 and due_date ")
				.append("DUE".equals(status) ? ">=" : "<")
				.append(" ?");
			args.add(today);
		}
		else if (status != null) {
			sql.append(" and status = ?");
			args.add(status);
		}
		if (span != null) {
			sql.append(" and invoice_date >= ?");
			args.add(InvoiceFilter.TimeSpan.valueOf(span).since(today));
		}
		sql.append(" order by invoice_date desc, id desc");
		return this.demo.jdbc().queryForList(sql.toString(), String.class, args.toArray());
	}

	private static List<String> rows(String html) {
		List<String> numbers = new ArrayList<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			numbers.add(row.group(1));
		}
		return numbers;
	}

}
