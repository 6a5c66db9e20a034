package com.billingportal.home;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The overview's count of past-due invoices is exact up to 99 and says "more than 99" beyond: it
 * reads at most 100 invoices however many the account has (issue 11), in both languages.
 */
@PortalTest
class OverviewPastDueTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	String pastDue(Locale locale) throws Exception {
		String page = this.mvc
			.perform(get("/billing/accounts/{id}", this.demo.fabrikam()).locale(locale)
				.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String from = page.substring(page.indexOf("<dt>" + (locale.equals(Locale.ENGLISH) ? "Past-due invoices" : "逾期发票")));
		return from.substring(from.indexOf("<dd>") + 4, from.indexOf("</dd>"));
	}

	void addPastDue(int invoices) {
		long account = this.demo.fabrikam();
		long profile = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class, account);
		LocalDate today = LocalDate.now();
		int first = this.demo.jdbc().queryForObject("select count(*) from invoice", Integer.class);
		for (int i = 0; i < invoices; i++) {
			this.demo.jdbc()
				.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
						+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
						+ "values (?, ?, ?, ?, ?, ?, ?, 10, 0, 10, 'EUR', 'DUE', 0)",
						"Q" + String.format("%09d", first + i), account, profile, Date.valueOf(today.minusDays(60)),
						Date.valueOf(today.minusDays(90)), Date.valueOf(today.minusDays(61)),
						Date.valueOf(today.minusDays(30)));
		}
		this.demo.invoicesWritten(account);
	}

	long pastDueInvoices() {
		return this.demo.jdbc()
			.queryForObject("select count(*) from invoice where billing_account_id = ? and status = 'DUE'"
					+ " and due_date < current_date", Long.class, this.demo.fabrikam());
	}

	@Test
	void exactUpToNinetyNineThenMoreThanNinetyNine() throws Exception {
		addPastDue(98 - (int) pastDueInvoices());
		assertThat(pastDue(Locale.ENGLISH)).isEqualTo("98");
		addPastDue(1);
		assertThat(pastDue(Locale.ENGLISH)).isEqualTo("99");
		addPastDue(1);
		assertThat(pastDueInvoices()).isEqualTo(100);
		assertThat(pastDue(Locale.ENGLISH)).isEqualTo("More than 99");
		addPastDue(150);
		assertThat(pastDue(Locale.ENGLISH)).isEqualTo("More than 99");
		assertThat(pastDue(Locale.SIMPLIFIED_CHINESE)).isEqualTo("超过 99 张");
	}

}
