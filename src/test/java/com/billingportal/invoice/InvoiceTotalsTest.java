package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.billingportal.invoice.Invoice.InvoiceDates;
import com.billingportal.money.Money;
import com.billingportal.money.MoneyFormat;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.payment.RefundService;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The overview's balance due and charges by month are kept with the account (issue 11): after every
 * way an invoice changes (issued through the API's intake, paid, declined, partly paid, refunded,
 * voided, paid together with another) they are exactly what summing the invoices says, the sums the
 * overview used to read. Runs on H2 and, with -Dtest.db=postgres, on PostgreSQL.
 */
@PortalTest
class InvoiceTotalsTest {

	@Autowired
	InvoiceIntake intake;

	@Autowired
	PaymentService payments;

	@Autowired
	RefundService refunds;

	@Autowired
	DemoData demo;

	@Autowired
	MockMvc mvc;

	@Autowired
	MoneyFormat money;

	/** The kept balances, "account currency amount invoices", with the open invoices' own sums beside. */
	static void assertTotalsAreTheSums(JdbcTemplate jdbc, String after) {
		assertThat(rows(jdbc, "select billing_account_id, currency, amount, invoices from invoice_balance"
				+ " where invoices > 0 order by 1, 2"))
			.as("balance due after %s", after)
			.isEqualTo(rows(jdbc, "select billing_account_id, currency, sum(amount_due - amount_paid), count(*)"
					+ " from invoice where status in ('DUE', 'PROCESSING') group by billing_account_id, currency"
					+ " order by 1, 2"));
		assertThat(rows(jdbc, "select billing_account_id, currency, extract(year from month_start),"
				+ " extract(month from month_start), amount, invoices from monthly_charges where invoices > 0"
				+ " order by 1, 2, 3, 4"))
			.as("charges by month after %s", after)
			.isEqualTo(rows(jdbc, "select billing_account_id, currency, extract(year from invoice_date),"
					+ " extract(month from invoice_date), sum(amount_due), count(*) from invoice where status <> 'VOID'"
					+ " group by billing_account_id, currency, extract(year from invoice_date),"
					+ " extract(month from invoice_date) order by 1, 2, 3, 4"));
		assertThat(rows(jdbc, "select billing_account_id, currency, amount from invoice_balance"
				+ " where invoices = 0 and amount <> 0 union all select billing_account_id, currency, amount"
				+ " from monthly_charges where invoices = 0 and amount <> 0"))
			.as("totals of no invoice after %s", after)
			.isEmpty();
	}

	private static List<String> rows(JdbcTemplate jdbc, String sql) {
		return jdbc.query(sql, (rs, i) -> {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				BigDecimal number = (rs.getObject(c) instanceof Number) ? rs.getBigDecimal(c) : null;
				row.append((c > 1) ? " " : "")
					.append((number != null) ? number.stripTrailingZeros().toPlainString() : rs.getString(c));
			}
			return row.toString();
		});
	}

	/** An invoice issued through the API's intake into Contoso Billing (USD): amount plus 6 % tax. */
	static String issue(InvoiceIntake intake, DemoData demo, LocalDate invoiceDate, String amount) {
		String number = "K" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		BigDecimal subtotal = new BigDecimal(amount);
		intake.issue(new InvoiceIntake.IssueInvoice(number, demo.contoso(), demo.profileId("Contoso Billing"),
				new InvoiceDates(invoiceDate, invoiceDate.minusMonths(1), invoiceDate.minusDays(1),
						invoiceDate.plusDays(30)),
				"USD", subtotal.multiply(new BigDecimal("0.06")),
				List.of(new InvoiceIntake.Line("Storage", "Blob Storage", BigDecimal.ONE, "Month", subtotal,
						subtotal))),
				demo.admin());
		return number;
	}

	@Test
	void theKeptTotalsAreTheSumsOfTheInvoicesAfterEveryChange() throws Exception {
		JdbcTemplate jdbc = this.demo.jdbc();
		assertTotalsAreTheSums(jdbc, "the demo data (migration V18)");

		LocalDate today = LocalDate.now();
		String paid = issue(this.intake, this.demo, today, "100.00");
		String declinedThenPart = issue(this.intake, this.demo, today.minusMonths(2), "250.00");
		String together = issue(this.intake, this.demo, today.minusMonths(1), "80.00");
		// A month and year no invoice of the account has yet: its row is created.
		String newMonth = issue(this.intake, this.demo, today.minusYears(6), "12.34");
		String voided = issue(this.intake, this.demo, today, "40.00");
		assertTotalsAreTheSums(jdbc, "five invoices issued");

		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), paid, key(), this.demo.visa(),
				null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertTotalsAreTheSums(jdbc, "a payment in full");

		Payment declined = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), declinedThenPart, key(), null,
				DemoData.newCard("4000000000000002"));
		assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
		assertTotalsAreTheSums(jdbc, "a declined payment");

		this.payments.pay(this.demo.adminAccess(), this.demo.admin(), declinedThenPart, key(), this.demo.visa(), null,
				new BigDecimal("100.00"));
		assertThat(this.demo.invoiceStatus(declinedThenPart)).isEqualTo("DUE");
		assertTotalsAreTheSums(jdbc, "a part paid");

		this.refunds.refund(this.demo.contoso(), payment.reference(), Money.of("30.00", "USD"), key(), null,
				this.demo.admin());
		assertThat(this.demo.invoiceStatus(paid)).isEqualTo("DUE");
		assertTotalsAreTheSums(jdbc, "a part refunded");

		this.intake.voidInvoice(this.demo.contoso(), voided, this.demo.admin());
		assertTotalsAreTheSums(jdbc, "a void");

		this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(together, newMonth), key(),
				this.demo.visa(), null);
		assertThat(this.demo.invoiceStatus(newMonth)).isEqualTo("PAID");
		assertTotalsAreTheSums(jdbc, "two invoices paid together");

		BigDecimal balance = jdbc.queryForObject("select sum(amount_due - amount_paid) from invoice"
				+ " where billing_account_id = ? and status in ('DUE', 'PROCESSING') and currency = 'USD'",
				BigDecimal.class, this.demo.contoso());
		String overview = this.mvc
			.perform(get("/billing/accounts/{id}", this.demo.contoso()).locale(Locale.ENGLISH)
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains(this.money.format(Money.of(balance, "USD"), Locale.ENGLISH));
	}

	@Test
	void aRebuildAfterInvoicesWrittenInSqlGivesTheSums() {
		JdbcTemplate jdbc = this.demo.jdbc();
		int voided = jdbc.update("update invoice set status = 'VOID' where billing_account_id = ? and status = 'DUE'",
				this.demo.contoso());
		assertThat(voided).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from invoice_balance where billing_account_id = ?"
				+ " and invoices > 0", Integer.class, this.demo.contoso()))
			.as("past JPA, the totals do not move by themselves")
			.isPositive();
		this.demo.invoicesWritten(this.demo.contoso());
		assertTotalsAreTheSums(jdbc, "invoices voided in SQL and a rebuild");
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
