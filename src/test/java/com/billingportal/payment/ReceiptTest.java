package com.billingportal.payment;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.NewCardForm;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Receipts of succeeded payments, and the payments list on the invoice detail page. */
@PortalTest
class ReceiptTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserService users;

	@Autowired
	private BillingAccountService accounts;

	@Autowired
	private PaymentService payments;

	@Autowired
	private SqlStatements statements;

	@Test
	void aSucceededPaymentHasAReceiptPageWithEverythingAnAccountantAsksFor() throws Exception {
		Paid paid = paidPayment();
		String page = this.mvc
			.perform(get(receiptUrl(1, paid.reference())).with(as("admin@contoso.com"))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Payment receipt", paid.reference(), paid.invoice(), "Visa ending in 4242",
				"Contoso Ltd", "admin@contoso.com", "Amount paid", "Payment date", "Paid by", "Paid");
		assertThat(page).contains(receiptUrl(1, paid.reference()) + ".pdf",
				"/billing/accounts/1/invoices/" + paid.invoice());
	}

	@Test
	void aReaderOfTheAccountMayReadTheReceiptToo() throws Exception {
		this.mvc.perform(get(receiptUrl(1, paidPayment().reference())).with(as("reader@contoso.com")))
			.andExpect(status().isOk());
	}

	@Test
	void theReceiptPdfOfAPaidInvoiceSaysItIsPaidInTheReadersLanguage() throws Exception {
		Paid paid = paidPayment();
		byte[] en = pdf(receiptUrl(1, paid.reference()) + ".pdf", "en");
		assertThat(Pdfs.text(en)).contains("Payment receipt", paid.reference(), paid.invoice(), "Paid",
				"Succeeded", "Visa ending in 4242", "Contoso Ltd", "admin@contoso.com");
		byte[] zh = pdf(receiptUrl(1, paid.reference()) + ".pdf", "zh-CN");
		assertThat(Pdfs.text(zh)).contains("付款收据", paid.reference(), paid.invoice(), "已支付", "已成功",
				"尾号为 4242 的 Visa", "付款人");
		assertThat(Pdfs.draws(zh, "付款收据已支付")).isTrue();
	}

	@Test
	void aFailedPaymentHasNoReceipt() throws Exception {
		String failed = this.jdbc.queryForObject(
				"select payment_ref from payment where billing_account_id = 1 and status = 'FAILED' limit 1",
				String.class);
		this.mvc.perform(get(receiptUrl(1, failed)).with(as("admin@contoso.com"))).andExpect(status().isNotFound());
		this.mvc.perform(get(receiptUrl(1, failed) + ".pdf").with(as("admin@contoso.com")))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherTenantsReceiptIsNotFound() throws Exception {
		String contosos = paidPayment().reference();
		RequestPostProcessor fabrikam = as("admin@fabrikam.com");
		for (String url : List.of(receiptUrl(1, contosos), receiptUrl(1, contosos) + ".pdf", receiptUrl(2, contosos),
				receiptUrl(2, contosos) + ".pdf")) {
			this.mvc.perform(get(url).with(fabrikam)).andExpect(status().isNotFound());
		}
	}

	@Test
	void theDetailPageListsEveryAttemptAndReadsTheirCardsInOneQuery() throws Exception {
		// An invoice paid at the third attempt, each attempt with another card.
		String number = this.jdbc.queryForObject("""
				select min(i.invoice_number) from invoice i where i.billing_account_id = 1 and i.status = 'DUE'
				  and i.amount_due <= 50000 and not exists (select 1 from payment p where p.invoice_id = i.id)""",
				String.class);
		PortalUser admin = this.users.loadUserByUsername("admin@contoso.com");
		AccountAccess access = this.accounts.access(admin.id(), 1);
		Actor actor = new Actor(admin.id(), admin.email());
		Long visa = this.jdbc.queryForObject(
				"select id from credit_card where billing_account_id = 1 and last_four = '4242'", Long.class);
		assertThat(pay(access, actor, number, null, card("4000000000000002")).status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(pay(access, actor, number, null, card("4000000000009995")).status()).isEqualTo(PaymentStatus.FAILED);
		Payment succeeded = pay(access, actor, number, visa, null);
		assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);

		long threeAttempts = statementsFor("/billing/accounts/1/invoices/" + number);
		long oneAttempt = statementsFor("/billing/accounts/1/invoices/" + paidPayment().invoice());
		assertThat(threeAttempts).as("statements for 3 attempts with 3 cards vs 1 attempt").isEqualTo(oneAttempt);

		String page = this.mvc.perform(get("/billing/accounts/1/invoices/" + number).with(as("admin@contoso.com"))
			.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Visa ending in 0002", "Visa ending in 9995", "Visa ending in 4242",
				"Your bank declined the payment", receiptUrl(1, succeeded.reference()));
		assertThat(page.split("View receipt", -1)).as("one receipt: the succeeded attempt's").hasSize(2);
	}

	private Payment pay(AccountAccess access, Actor actor, String number, Long cardId, NewCardForm card) {
		return this.payments.pay(access, actor, number, java.util.UUID.randomUUID().toString(), cardId, card);
	}

	private static NewCardForm card(String number) {
		return new NewCardForm("Avery Chen", number, "12", String.valueOf(java.time.Year.now().getValue() + 2), "123",
				"US", "98052", false);
	}

	private long statementsFor(String url) throws Exception {
		this.statements.reset();
		this.mvc.perform(get(url).with(as("admin@contoso.com"))).andExpect(status().isOk());
		return this.statements.count();
	}

	private byte[] pdf(String url, String language) throws Exception {
		return this.mvc.perform(get(url).with(as("admin@contoso.com")).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** A demo payment that paid its invoice: the invoice's only payment. */
	private Paid paidPayment() {
		return this.jdbc.queryForObject("""
				select p.payment_ref, i.invoice_number from payment p join invoice i on i.id = p.invoice_id
				where p.billing_account_id = 1 and p.status = 'SUCCEEDED' and i.status = 'PAID'
				  and p.gateway_reference like 'ch_demo_%' order by i.invoice_date limit 1""",
				(rs, n) -> new Paid(rs.getString(1), rs.getString(2)));
	}

	private static String receiptUrl(long account, String reference) {
		return "/billing/accounts/" + account + "/payments/" + reference + "/receipt";
	}

	private RequestPostProcessor as(String email) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.users.loadUserByUsername(email));
	}

	private record Paid(String reference, String invoice) {
	}

}
