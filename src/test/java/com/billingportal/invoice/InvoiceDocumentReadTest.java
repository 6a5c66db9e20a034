package com.billingportal.invoice;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
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
 * every field: Due, Past due, Paid (with its time of payment), Void, with and without line items.
 */
@PortalTest
class InvoiceDocumentReadTest {

	@Autowired
	InvoiceDocumentRead read;

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	InvoiceLineRepository lines;

	@Autowired
	DemoData demo;

	@Test
	void everyInvoiceOfTheDemoAccountsReadsAsJpaReadsIt() {
		String withoutLines = invoiceWithoutLines(this.demo.fabrikam());
		List<Map<String, Object>> all = this.demo.jdbc()
			.queryForList("select invoice_number, billing_account_id, status, paid_at from invoice order by id");
		assertThat(all).as("the demo data holds invoices in every stored state, a paid one with its time")
			.extracting((row) -> value(row, "status"))
			.contains("DUE", "PAID", "VOID");
		for (Map<String, Object> row : all) {
			String number = (String) value(row, "invoice_number");
			long account = ((Number) value(row, "billing_account_id")).longValue();
			InvoiceDocumentRead.InvoiceWithLines found = this.read.read(account, number);
			Invoice jpa = this.invoices.findByNumberAndBillingAccountId(number, account).orElseThrow();
			assertThat(found.invoice()).as(number).usingRecursiveComparison().isEqualTo(jpa);
			assertThat(found.lines()).as(number + "'s line items, in their order")
				.usingRecursiveFieldByFieldElementComparator()
				.containsExactlyElementsOf(this.lines.findByInvoiceIdOrderByLineNoAsc(jpa.id()));
		}
		assertThat(this.read.read(this.demo.fabrikam(), withoutLines).lines()).isEmpty();
		assertThat(all).anySatisfy((row) -> assertThat(value(row, "paid_at")).isNotNull());
	}

	@Test
	void anotherAccountsInvoiceIsNotFound() {
		String contosos = this.demo.dueInvoice(this.demo.contoso());
		assertThatThrownBy(() -> this.read.read(this.demo.fabrikam(), contosos)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.read.read(this.demo.contoso(), "NO-SUCH")).isInstanceOf(NotFoundException.class);
	}

	private String invoiceWithoutLines(long account) {
		long profile = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class, account);
		LocalDate today = LocalDate.now();
		this.demo.jdbc()
			.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
					+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
					+ "values ('R-NO-LINES', ?, ?, ?, ?, ?, ?, 10, 0, 10, 'EUR', 'DUE', 0)", account, profile,
					Date.valueOf(today), Date.valueOf(today.minusDays(30)), Date.valueOf(today.minusDays(1)),
					Date.valueOf(today.plusDays(30)));
		this.demo.invoicesWritten(account);
		return "R-NO-LINES";
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
	}

}
