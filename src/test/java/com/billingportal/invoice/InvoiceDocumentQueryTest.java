package com.billingportal.invoice;

import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.portal.NotFoundException;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The invoice page's plain SQL read gives the invoice and its line items exactly as JPA reads them,
 * every field: Due, Past due, Paid (with its time of payment), Void, Processing with every nullable
 * column set, with and without line items; and it names every column of both tables.
 */
@PortalTest
class InvoiceDocumentQueryTest {

	@Autowired
	InvoiceDocumentQuery query;

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	InvoiceLineRepository lines;

	@Autowired
	DemoData demo;

	@Test
	void theStatementNamesEveryColumnOfTheInvoiceAndItsLines() {
		String sql = InvoiceDocumentQuery.COLUMNS.toLowerCase(Locale.ROOT);
		for (String table : List.of("invoice", "invoice_line")) {
			String alias = table.equals("invoice") ? "i." : "l.";
			List<String> columns = columns(table);
			assertThat(columns).as(table + "'s columns").contains("id");
			for (String column : columns) {
				assertThat(sql).as("a column of " + table + " the document read leaves out (and Invoice.detached or "
						+ "InvoiceLine.detached with it)").contains(alias + column);
			}
		}
	}

	@Test
	void everyInvoiceOfTheDemoAccountsReadsAsJpaReadsIt() {
		String withoutLines = invoiceWithoutLines(this.demo.fabrikam());
		String everyColumnSet = invoiceWithEveryColumnSet(this.demo.contoso());
		List<Map<String, Object>> all = this.demo.jdbc()
			.queryForList("select invoice_number, billing_account_id, status, paid_at from invoice order by id");
		assertThat(all).as("invoices in every stored state").extracting((row) -> value(row, "status"))
			.contains("DUE", "PAID", "VOID", "PROCESSING");
		assertThat(all).anySatisfy((row) -> assertThat(value(row, "paid_at")).isNotNull());
		for (Map<String, Object> row : all) {
			String number = (String) value(row, "invoice_number");
			long account = ((Number) value(row, "billing_account_id")).longValue();
			InvoiceDocumentQuery.InvoiceWithLines found = this.query.invoiceWithLines(account, number);
			Invoice jpa = this.invoices.findByNumberAndBillingAccountId(number, account).orElseThrow();
			assertThat(found.invoice()).as(number).usingRecursiveComparison().isEqualTo(jpa);
			assertThat(found.lines()).as(number + "'s line items, in their order")
				.usingRecursiveFieldByFieldElementComparator()
				.containsExactlyElementsOf(this.lines.findByInvoiceIdOrderByLineNoAsc(jpa.id()));
			assertThat(this.query.invoiceWithLines(account, jpa.id())).as(number + " read by its id")
				.usingRecursiveComparison()
				.isEqualTo(found);
		}
		assertThat(this.query.invoiceWithLines(this.demo.fabrikam(), withoutLines).lines()).isEmpty();
		Invoice full = this.query.invoiceWithLines(this.demo.contoso(), everyColumnSet).invoice();
		assertThat(full).as("every field set, none left at its default").hasNoNullFieldsOrProperties();
		assertThat(full.intakeDigest()).isEqualTo("digest-" + everyColumnSet);
	}

	@Test
	void anotherAccountsInvoiceIsNotFound() {
		String contosos = this.demo.dueInvoice(this.demo.contoso());
		assertThatThrownBy(() -> this.query.invoiceWithLines(this.demo.fabrikam(), contosos))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.query.invoiceWithLines(this.demo.contoso(), "NO-SUCH"))
			.isInstanceOf(NotFoundException.class);
		long contososId = this.demo.jdbc()
			.queryForObject("select id from invoice where invoice_number = ?", Long.class, contosos);
		assertThatThrownBy(() -> this.query.invoiceWithLines(this.demo.fabrikam(), contososId))
			.isInstanceOf(NotFoundException.class);
	}

	private List<String> columns(String table) {
		return this.demo.jdbc().query("select * from " + table + " where 1 = 0", (rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
			}
			return names;
		});
	}

	private String invoiceWithoutLines(long account) {
		insert("R-NOLINES", account);
		return "R-NOLINES";
	}

	/** Processing, partly paid, with a time of payment, an intake digest and both announcements. */
	private String invoiceWithEveryColumnSet(long account) {
		String number = "R-EVERYCOL";
		insert(number, account);
		Timestamp paid = Timestamp.from(Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
		Timestamp issued = Timestamp.from(Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
		Timestamp pastDue = Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
		this.demo.jdbc()
			.update("update invoice set status = 'PROCESSING', amount_paid = 4, paid_at = ?, intake_digest = ?, "
					+ "issue_announced_at = ?, past_due_announced_at = ?, version = 3 where invoice_number = ?", paid,
					"digest-" + number, issued, pastDue, number);
		long id = this.demo.jdbc().queryForObject("select id from invoice where invoice_number = ?", Long.class, number);
		this.demo.jdbc()
			.update("insert into invoice_line (invoice_id, line_no, service_name, description, quantity, unit, "
					+ "unit_price, amount) values (?, 2, 'Storage', 'Blob storage', 1.5, 'GB', 2, 3), "
					+ "(?, 1, 'Compute', 'Virtual machines', 2, 'Hours', 3.5, 7)", id, id);
		this.demo.invoicesWritten(account);
		return number;
	}

	private void insert(String number, long account) {
		long profile = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class, account);
		LocalDate today = LocalDate.now();
		this.demo.jdbc()
			.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
					+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, 10, 0, 10, 'EUR', 'DUE', 0)", number, account, profile,
					Date.valueOf(today), Date.valueOf(today.minusDays(30)), Date.valueOf(today.minusDays(1)),
					Date.valueOf(today.plusDays(30)));
		this.demo.invoicesWritten(account);
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
	}

}
