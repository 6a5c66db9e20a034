package com.billingportal.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Page numbers as anyone can type them into the address bar of every paged list: a number past
 * the end shows the last page, anything that is not a page number shows the first, and a page size
 * cannot be chosen at all. Never an error page.
 */
@PortalTest
class PagingInputTest {

	private static final Pattern POSITION = Pattern.compile("Page ([0-9]+) of ([0-9]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	long contoso;

	@BeforeEach
	void setUp() {
		this.contoso = this.demo.contoso();
	}

	@ParameterizedTest
	@ValueSource(strings = { "invoices", "payments" })
	void aPagePastTheEndShowsTheLastPage(String list) throws Exception {
		String path = "/billing/accounts/" + this.contoso + "/" + list;
		int pages = pages(show(path));
		List<String> lastPage = rows(show(path + "?page=" + (pages - 1)));

		for (String past : new String[] { String.valueOf(pages), "2147483647", "2147483648", "99999999999999999999" }) {
			String html = show(path + "?page=" + past);
			assertThat(rows(html)).as("page=" + past).isEqualTo(lastPage);
			if (pages > 1) {
				assertThat(html).contains("Page " + pages + " of " + pages).doesNotContain("rel=\"next\"");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "invoices", "payments" })
	void whatIsNotAPageNumberShowsTheFirstPage(String list) throws Exception {
		String path = "/billing/accounts/" + this.contoso + "/" + list;
		List<String> firstPage = rows(show(path));
		assertThat(firstPage).isNotEmpty();

		for (String junk : new String[] { "-1", "-2147483648", "abc", "", "1e3", "0x10", "%00", "1.5", "%E2%91%A0" }) {
			assertThat(rows(show(path + "?page=" + junk))).as("page=" + junk).isEqualTo(firstPage);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "invoices", "payments" })
	void thePageSizeCannotBeChosen(String list) throws Exception {
		String path = "/billing/accounts/" + this.contoso + "/" + list;
		List<String> firstPage = rows(show(path));

		for (String size : new String[] { "abc", "-1", "0", "2147483647", "100000" }) {
			assertThat(rows(show(path + "?size=" + size))).as("size=" + size).isEqualTo(firstPage);
			assertThat(rows(show(path + "?page=0&size=" + size + "&sort=id,desc"))).isEqualTo(firstPage);
		}
	}

	@Test
	void theInvoicesListHasSeveralPagesToGoPast() throws Exception {
		assertThat(pages(show("/billing/accounts/" + this.contoso + "/invoices"))).isGreaterThan(1);
	}

	@Test
	void thePayBladeBesideTheListTakesAnyPageNumber() throws Exception {
		String invoice = this.demo.dueInvoice(this.contoso);
		String path = "/billing/accounts/" + this.contoso + "/invoices/" + invoice + "/pay";
		int pages = pages(show("/billing/accounts/" + this.contoso + "/invoices"));
		for (String typed : new String[] { "2147483647", "-1", "abc" }) {
			String html = this.mvc.perform(get(path + "?page=" + typed).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as("page=" + typed).contains("Select a payment method");
			if (typed.equals("2147483647")) {
				assertThat(html).contains("Page " + pages + " of " + pages);
			}
		}
	}

	private String show(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static int pages(String html) {
		Matcher m = POSITION.matcher(html);
		return m.find() ? Integer.parseInt(m.group(2)) : 1;
	}

	/** The ids of the rows shown, in order: invoice-G…, payment-…. */
	private static List<String> rows(String html) {
		List<String> ids = new ArrayList<>();
		Matcher m = Pattern.compile("<tr[^>]* id=\"((?:invoice|payment)-[^\"]+)\"").matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

}
