package com.billingportal.portal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.billingportal.payment.PaymentService;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Lists longer than {@code billing.lists.count-limit} (20 here instead of 1,000, so that a few dozen
 * rows are enough) are not counted to their end: the pager says "more than" and still offers Next,
 * a page far down the list works, the last page and one past the end still show the last page, and
 * a page reads as many statements as before, its count bounded (issue 11).
 */
@PortalTest
@TestPropertySource(properties = "billing.lists.count-limit=20")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongListsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	SqlStatements statements;

	String invoices;

	@BeforeAll
	void moreInvoicesPaymentsAndEmailsThanTwiceTheLimit() {
		for (int i = 0; i < 45; i++) {
			this.payments.pay(this.demo.adminAccess(), this.demo.admin(), this.demo.newDueInvoice(),
					UUID.randomUUID().toString(), this.demo.visa(), null);
		}
		this.invoices = "/billing/accounts/" + this.demo.contoso() + "/invoices";
	}

	@Test
	void theInvoicesListSaysMoreThanAndOffersNext() throws Exception {
		long total = rows("invoice");
		assertThat(total).as("more invoices than twice the count limit").isGreaterThan(40);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.statements.reset();

		String first = show(this.invoices);

		assertThat(first).contains("Page 1 of more than 2 (more than 20 invoices)")
			.containsPattern("rel=\"next\" href=\"[^\"]*page=1\">Next<")
			.doesNotContain("(" + total + " invoices)");
		assertThat(this.statements.count()).as("as PageStatementsTest's budget for the page")
			.isEqualTo(5 + SqlStatements.GENERIC_PLANS_SET);
		List<String> counts = Arrays.stream(statistics.getQueries()).filter((q) -> q.contains("count(")).toList();
		assertThat(counts).as("the invoices counted, within a window").singleElement().asString()
			.contains("from Invoice i")
			.contains("fetch first :countLimit rows only");
	}

	@Test
	void aPageFarDownTheListStillWorksAndTheLastPageIsExact() throws Exception {
		long total = rows("invoice");
		long pages = (total + 9) / 10;

		assertThat(show(this.invoices + "?page=2")).contains("Page 3 of more than 4 (more than 40 invoices)")
			.containsPattern("rel=\"next\" href=\"[^\"]*page=3\">Next<");

		String last = show(this.invoices + "?page=" + (pages - 1));
		assertThat(last).contains("Page " + pages + " of " + pages + " (" + total + " invoices)")
			.doesNotContain("rel=\"next\"");
		for (String past : new String[] { String.valueOf(pages), "999", "2147483647" }) {
			assertThat(show(this.invoices + "?page=" + past)).as("page=" + past)
				.contains("Page " + pages + " of " + pages + " (" + total + " invoices)")
				.doesNotContain("rel=\"next\"");
		}
	}

	@Test
	void thePayNowBladeBesideTheListSaysMoreThanToo() throws Exception {
		String blade = show(this.invoices + "/" + this.demo.newDueInvoice() + "/pay");
		assertThat(blade).contains("Select a payment method").contains("Page 1 of more than 2 (more than 20 invoices)");
	}

	@Test
	void thePaymentsListSaysMoreThanAndOffersNext() throws Exception {
		saysMoreThanThenTheExactLastPage("payments", "payment", 10, "Page 1 of more than 2 (more than 20 payments)");
	}

	@Test
	void theEmailHistorySaysMoreThanAndOffersNext() throws Exception {
		saysMoreThanThenTheExactLastPage("emails", "email_message", 20, "Page 1 of more than 2 (more than 40 emails)");
	}

	/**
	 * The account's list at {@code path} (rows in {@code table}, {@code pageSize} a page) says "more
	 * than" on its first page and offers Next; a page past the end shows the exact last page.
	 */
	private void saysMoreThanThenTheExactLastPage(String path, String table, int pageSize, String firstPage)
			throws Exception {
		long total = rows(table);
		assertThat(total).isGreaterThan(40);
		String list = "/billing/accounts/" + this.demo.contoso() + "/" + path;

		assertThat(show(list)).contains(firstPage).containsPattern("rel=\"next\" href=\"[^\"]*page=1\">Next<");
		long pages = (total + pageSize - 1) / pageSize;
		assertThat(show(list + "?page=999")).contains("Page " + pages + " of " + pages + " (" + total + " " + path + ")");
	}

	@Test
	void theChinesePagerSaysMoreThanInChinese() throws Exception {
		MvcResult result = this.mvc
			.perform(get(this.invoices).header("Accept-Language", "zh-CN")
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("第 1 页，共超过 2 页（超过 20 张发票）");
	}

	private long rows(String table) {
		return this.demo.jdbc()
			.queryForObject("select count(*) from " + table + " where billing_account_id = ?", Long.class,
					this.demo.contoso());
	}

	private String show(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
