package com.billingportal.invoice;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.billingportal.money.Money;
import com.billingportal.money.MoneyFormat;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The invoice detail page, its PDF and its usage CSV, for paid and unpaid invoices. */
@PortalTest
class InvoiceDocumentsTest {

	private static final long CONTOSO = 1;

	private static final long FABRIKAM = 2;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserService users;

	@Autowired
	private MoneyFormat money;

	@Test
	void aPaidInvoiceShowsItsPaymentWithAReceiptAndNoWayToPayAgain() throws Exception {
		String number = paidInvoiceWithPayment();
		String reference = this.jdbc.queryForObject(
				"select p.payment_ref from payment p join invoice i on i.id = p.invoice_id where i.invoice_number = ?",
				String.class, number);
		String page = page(admin("contoso"), "/billing/accounts/1/invoices/" + number, "en");
		assertThat(page).contains("Sold to", "Bill to", "PO-", "Net 30", "Line items", "Subtotal", "Tax",
				"Paid on", "Virtual Machines");
		assertThat(page).contains("Succeeded", "Visa ending in 4242",
				"/billing/accounts/1/payments/" + reference + "/receipt", "View receipt");
		assertThat(page).contains("/billing/accounts/1/invoices/" + number + "/pdf",
				"/billing/accounts/1/invoices/" + number + "/usage.csv");
		assertThat(page).doesNotContain("/invoices/" + number + "/pay\"", "How to pay");
	}

	@Test
	void anUnpaidInvoiceShowsEveryAttemptWithItsReasonHowToPayAndPayNow() throws Exception {
		String number = this.jdbc.queryForObject("""
				select i.invoice_number from invoice i join payment p on p.invoice_id = i.id
				where i.billing_account_id = 1 and i.status = 'DUE' and p.status = 'FAILED'""", String.class);
		String page = page(admin("contoso"), "/billing/accounts/1/invoices/" + number, "en");
		assertThat(page).contains("Past due", "Failed", "Mastercard ending in 4444", "The card has expired");
		assertThat(page).doesNotContain("View receipt");
		assertThat(page).contains("How to pay", "SWIFT/BIC", "DEMOUS33XXX", "Contoso Demo Bank", "Payment reference");
		assertThat(page).contains("/billing/accounts/1/invoices/" + number + "/pay");
	}

	@Test
	void anInvoiceAboveTheCardLimitIsPaidByWireTransferOnly() throws Exception {
		String number = this.jdbc.queryForObject(
				"select invoice_number from invoice where billing_account_id = 1 and status = 'DUE' and amount_due > 50000",
				String.class);
		String page = page(admin("contoso"), "/billing/accounts/1/invoices/" + number, "en");
		assertThat(page).contains("How to pay", "DEMOUS33XXX", "<dd>" + number + "</dd>")
			.doesNotContain("/invoices/" + number + "/pay", "can also pay this invoice by credit card");
		String pdf = Pdfs.text(download(admin("contoso"), "/billing/accounts/1/invoices/" + number + "/pdf", "en",
				"application/pdf"));
		assertThat(pdf).contains("How to pay", "Payment reference " + number)
			.doesNotContain("can also pay this invoice by credit card");
	}

	@Test
	void aReaderSeesTheInvoiceAndItsDownloadsButNoPayNow() throws Exception {
		String number = this.jdbc.queryForObject("""
				select i.invoice_number from invoice i join payment p on p.invoice_id = i.id
				where i.billing_account_id = 1 and i.status = 'DUE' and p.status = 'FAILED'""", String.class);
		String page = page(user("reader@contoso.com"), "/billing/accounts/1/invoices/" + number, "en");
		assertThat(page).contains("Download PDF", "How to pay").doesNotContain("/invoices/" + number + "/pay");
	}

	@Test
	void theInvoicesListOffersEachInvoiceAsPdf() throws Exception {
		String page = page(admin("contoso"), "/billing/accounts/1/invoices", "en");
		String newest = this.jdbc.queryForObject(
				"select invoice_number from invoice where billing_account_id = 1 order by invoice_date desc, id desc limit 1",
				String.class);
		assertThat(page).contains("/billing/accounts/1/invoices/" + newest + "/pdf", "Download PDF");
	}

	@Test
	void theInvoicePdfHasTheInvoiceItsAmountAndLineItemsAndSaysHowToPay() throws Exception {
		String number = dueInvoice();
		byte[] pdf = download(admin("contoso"), "/billing/accounts/1/invoices/" + number + "/pdf", "en",
				"application/pdf");
		String text = Pdfs.text(pdf);
		Money amount = Money.of(this.jdbc.queryForObject("select amount_due from invoice where invoice_number = ?",
				java.math.BigDecimal.class, number), "USD");
		assertThat(text).contains("Invoice " + number, this.money.format(amount, Locale.ENGLISH), "Line items",
				"Virtual Machines", "Azure SQL Database", "Blob Storage, Hot LRS", "Subtotal", "Net 30");
		assertThat(text).contains("How to pay", "DEMOUS33XXX", "000123456789");
		assertThat(text).contains("Payments", "Failed", "Mastercard ending in 4444").doesNotContain("Succeeded");
		assertThat(text).doesNotContain("Paid");
		assertThat(Pdfs.allFontsEmbedded(pdf)).isTrue();
	}

	@Test
	void aPaidInvoicesPdfIsStampedPaid() throws Exception {
		String number = paidInvoiceWithPayment();
		String text = Pdfs.text(download(admin("contoso"), "/billing/accounts/1/invoices/" + number + "/pdf", "en",
				"application/pdf"));
		assertThat(text).contains("Invoice " + number, "Paid", "Paid on").doesNotContain("How to pay");
		assertThat(text).as("payments made against it").contains("Payments", "Succeeded", "Visa ending in 4242");
	}

	@Test
	void inChineseThePdfHasChineseLabelsInAnEmbeddedFont() throws Exception {
		String number = paidInvoiceWithPayment();
		byte[] pdf = download(admin("contoso"), "/billing/accounts/1/invoices/" + number + "/pdf", "zh-CN",
				"application/pdf");
		String text = Pdfs.text(pdf);
		assertThat(text).contains("发票 " + number, "售达方", "收票方", "行项目", "小计", "税费", "应付金额", "已支付",
				"净 30 天", "小时", "GB/月");
		assertThat(Pdfs.allFontsEmbedded(pdf)).isTrue();
		assertThat(Pdfs.draws(pdf, "已支付售达方行项目")).as("Chinese glyphs have outlines in the embedded font").isTrue();
		assertThat(Pdfs.draws(pdf, "–$")).isTrue();
		String due = dueInvoice();
		String dueText = Pdfs.text(download(admin("contoso"), "/billing/accounts/1/invoices/" + due + "/pdf",
				"zh-CN", "application/pdf"));
		assertThat(dueText).contains("如何付款", "银行名称", "付款附言", due).doesNotContain("已支付");
		assertThat(text).contains("付款记录", "已成功", "尾号为 4242 的 Visa");
	}

	@Test
	void theUsageCsvReadsBackAsTheInvoicesLineItems() throws Exception {
		String number = dueInvoice();
		byte[] csv = download(admin("contoso"), "/billing/accounts/1/invoices/" + number + "/usage.csv", "en",
				"text/csv;charset=UTF-8");
		assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte order mark")
			.containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		List<List<String>> rows = CsvReader.parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
		assertThat(rows.get(0)).isEqualTo(UsageCsv.HEADER);
		List<List<String>> expected = this.jdbc.query("""
				select i.invoice_number, p.name, l.line_no, l.service_name, l.description, l.quantity, l.unit,
				       l.unit_price, l.amount, i.currency
				from invoice_line l join invoice i on i.id = l.invoice_id join billing_profile p on p.id = i.billing_profile_id
				where i.invoice_number = ? order by l.line_no""", (rs, n) -> List.of(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6).stripTrailingZeros().toPlainString(),
				rs.getString(7), rs.getBigDecimal(8).stripTrailingZeros().toPlainString(),
				rs.getBigDecimal(9).setScale(2).toPlainString(), rs.getString(10)), number);
		assertThat(rows).hasSize(expected.size() + 1);
		List<List<String>> actual = rows.subList(1, rows.size())
			.stream()
			.map((r) -> List.of(r.get(0), r.get(2), r.get(5), r.get(6), r.get(7), r.get(8), r.get(9), r.get(10),
					r.get(11), r.get(12)))
			.toList();
		assertThat(actual).isEqualTo(expected);
		assertThat(rows.get(1).get(1)).isEqualTo("Contoso Ltd");
		// "D4s v5, East US" holds a comma: it survives the round trip as one field.
		assertThat(actual).anySatisfy((r) -> assertThat(r.get(4)).isEqualTo("D4s v5, East US"));
	}

	@Test
	void anotherTenantsInvoiceAndItsDocumentsAreNotFound() throws Exception {
		String contosos = dueInvoice();
		RequestPostProcessor fabrikam = admin("fabrikam");
		for (String suffix : List.of("", "/pdf", "/usage.csv")) {
			this.mvc.perform(get("/billing/accounts/" + CONTOSO + "/invoices/" + contosos + suffix).with(fabrikam))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/billing/accounts/" + FABRIKAM + "/invoices/" + contosos + suffix).with(fabrikam))
				.andExpect(status().isNotFound());
		}
		String own = this.jdbc.queryForObject(
				"select invoice_number from invoice where billing_account_id = 2 order by id limit 1", String.class);
		this.mvc.perform(get("/billing/accounts/2/invoices/" + own + "/pdf").with(fabrikam))
			.andExpect(status().isOk());
	}

	@Test
	void euroInvoicesShowTheEuroSignInEnglishAndChinese() throws Exception {
		String own = this.jdbc.queryForObject(
				"select invoice_number from invoice where billing_account_id = 2 order by id limit 1", String.class);
		assertThat(page(admin("fabrikam"), "/billing/accounts/2/invoices/" + own, "en")).contains("€");
		assertThat(Pdfs.text(download(admin("fabrikam"), "/billing/accounts/2/invoices/" + own + "/pdf", "zh-CN",
				"application/pdf"))).contains("€");
	}

	private String paidInvoiceWithPayment() {
		return this.jdbc.queryForObject("""
				select min(i.invoice_number) from invoice i join payment p on p.invoice_id = i.id
				where i.billing_account_id = 1 and i.status = 'PAID' and p.status = 'SUCCEEDED'
				  and not exists (select 1 from payment q where q.invoice_id = i.id and q.status <> 'SUCCEEDED')""",
				String.class);
	}

	/**
	 * A past-due Contoso invoice that can be paid by card, with one failed attempt (with the
	 * expired card) against it. No test pays it.
	 */
	private String dueInvoice() {
		return this.jdbc.queryForObject("""
				select min(i.invoice_number) from invoice i join payment p on p.invoice_id = i.id
				where i.billing_account_id = 1 and i.status = 'DUE' and p.status = 'FAILED'
				  and i.amount_due <= 50000""", String.class);
	}

	private RequestPostProcessor admin(String company) {
		return user("admin@" + company + ".com");
	}

	private RequestPostProcessor user(String email) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.users.loadUserByUsername(email));
	}

	private String page(RequestPostProcessor who, String url, String language) throws Exception {
		return this.mvc.perform(get(url).with(who).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private byte[] download(RequestPostProcessor who, String url, String language, String type) throws Exception {
		return this.mvc.perform(get(url).with(who).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andExpect(content().contentType(type))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

}
