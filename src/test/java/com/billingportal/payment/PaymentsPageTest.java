package com.billingportal.payment;

import java.util.List;
import java.util.UUID;

import com.billingportal.account.BillingAccountService;
import com.billingportal.support.DemoData;
import com.billingportal.support.FaultyGateway;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The Payments page: every attempt with date, invoice, amount, card, status and reason in words,
 * newest first, filtered and paged in SQL (a constant number of statements, whatever the page
 * holds), each with its state changes from the audit trail; readers see it too, with no actions.
 */
@PortalTest
class PaymentsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BillingAccountService accounts;

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentReconciler reconciler;

	@Autowired
	FaultyGateway gateway;

	@Autowired
	SqlStatements statements;

	@Autowired
	DemoData demo;

	/** The statements of the last {@link #page}'s request alone. */
	private long pageStatements;

	private String page(String email, String query) throws Exception {
		UserDetails who = this.users.loadUserByUsername(email);
		String url = "/billing/accounts/" + this.demo.contoso() + "/payments" + query;
		this.statements.reset();
		String page = this.mvc.perform(get(url).with(user(who))).andReturn().getResponse().getContentAsString();
		this.pageStatements = this.statements.count();
		return page;
	}

	@Test
	void adminSeesEveryAttemptWithCardStatusAndReasonInWords() throws Exception {
		String html = page("admin@contoso.com", "");

		assertThat(html).contains("<h1>Payments</h1>")
			.contains("Visa •••• 4242")
			.contains("Succeeded")
			.contains("href=\"/billing/accounts/" + this.demo.contoso() + "/invoices/")
			.containsPattern("href=\"/billing/accounts/" + this.demo.contoso() + "/payments/[0-9a-f-]{36}/receipt\">View receipt<");
		String failed = page("admin@contoso.com", "?status=FAILED");
		assertThat(failed).contains("Mastercard •••• 4444").contains("Failed")
			.contains("The card has expired. Use another card.")
			.contains("The card processor declined the charge.")
			.doesNotContain("payment-status-succeeded")
			.doesNotContain("View receipt");
	}

	@Test
	void stateChangesOfAPaymentAreShownFromTheAuditTrail() throws Exception {
		String invoice = this.demo.newDueInvoice();
		this.gateway.fail(FaultyGateway.Fault.ANSWER_LOST);
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		this.gateway.fail(FaultyGateway.Fault.NONE);
		this.reconciler.reconcileAll();

		String html = page("reader@contoso.com", "");
		String row = html.substring(html.indexOf("id=\"payment-" + payment.reference() + "\""));
		row = row.substring(0, row.indexOf("</tr>"));

		assertThat(row).contains(invoice).contains("$106.00").contains("State changes (3)")
			.contains("Pay now was submitted.")
			.contains("The card processor did not answer in time.")
			.contains("The card processor confirmed it had made the charge.")
			.contains("by admin@contoso.com")
			.contains("by the portal (reconciler)");
		// Newest first: the payment just made is the first row.
		assertThat(html.indexOf("id=\"payment-")).isEqualTo(html.indexOf("id=\"payment-" + payment.reference() + "\""));
	}

	@Test
	void thePageAndItsHistoryReadInChinese() throws Exception {
		String html = page("admin@contoso.com", "?status=FAILED&lang=zh_CN");

		assertThat(html).contains("<h1>付款</h1>").contains("已失败").contains("状态变更 (2)")
			.contains("已提交“立即付款”。").contains("卡处理方拒绝了扣款。");
	}

	@Test
	void readersSeeThePageWithoutAnyAction() throws Exception {
		String html = page("reader@contoso.com", "");

		assertThat(html).contains("<h1>Payments</h1>").contains("Visa •••• 4242");
		String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
		assertThat(main).doesNotContain("method=\"post\"").doesNotContain("/pay\"").doesNotContain("<button type=\"submit\" class=\"button button-primary");
	}

	@Test
	void anotherAccountsPaymentsAnswerNotFound() throws Exception {
		UserDetails fabrikam = this.users.loadUserByUsername("admin@fabrikam.com");
		int status = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/payments").with(user(fabrikam)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(404);
	}

	@Test
	void pagesAreReadWithTheSameFewStatementsWhateverTheyHold() throws Exception {
		for (int i = 0; i < 12; i++) {
			this.payments.pay(this.demo.adminAccess(), this.demo.admin(), this.demo.newDueInvoice(),
					UUID.randomUUID().toString(), this.demo.visa(), null);
		}

		String full = page("admin@contoso.com", "");
		long fullPage = this.pageStatements;
		String oneRow = page("admin@contoso.com", "?status=FAILED");
		long oneRowPage = this.pageStatements;

		assertThat(full.split("id=\"payment-").length - 1).isEqualTo(10);
		assertThat(full).contains("rel=\"next\"");
		assertThat(oneRow.split("id=\"payment-").length - 1).isEqualTo(1);
		// Access check, the page, its count (skipped when the first page is not full), the page's
		// audit events and the page's invoices: no query per row, 10 rows or 1. On PostgreSQL the
		// unfiltered list asks for generic plans first (PageStatementsTest counts each page exactly).
		assertThat(fullPage).isLessThanOrEqualTo(5 + SqlStatements.GENERIC_PLANS_SET);
		assertThat(oneRowPage).isLessThanOrEqualTo(fullPage);
		String second = page("admin@contoso.com", "?page=1");
		assertThat(second).contains("rel=\"prev\"").contains("Page 2 of");
	}

	@Test
	void aPaymentOfSeveralInvoicesNamesEveryInvoiceItPaid() throws Exception {
		String a = this.demo.newDueInvoice();
		String b = this.demo.newDueInvoice();
		String c = this.demo.newDueInvoice();
		Payment payment = this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(a, b, c),
				UUID.randomUUID().toString(), this.demo.visa(), null);

		String html = page("reader@contoso.com", "");
		String row = html.substring(html.indexOf("id=\"payment-" + payment.reference() + "\""));
		row = row.substring(0, row.indexOf("</tr>"));

		assertThat(row).contains("$318.00");
		for (String number : List.of(a, b, c)) {
			assertThat(row).as(number)
				.contains("href=\"/billing/accounts/" + this.demo.contoso() + "/invoices/" + number + "\">" + number + "<");
		}
	}

}
