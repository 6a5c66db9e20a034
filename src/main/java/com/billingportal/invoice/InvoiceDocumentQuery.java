package com.billingportal.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.billingportal.portal.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An account's invoice by its number, with its line items, as one plain SQL statement: what
 * {@link InvoiceDocuments} shows on the invoice page, in its PDF and usage CSV, and in the admin's
 * copies ({@code documentForAdmin}: the invoice emails), by number or by id. Through
 * Spring Data and Hibernate, the two reads it replaces (the invoice by number, then its lines) took 9 %
 * of the invoice page's request time, of which H2 executing them was a small part (async-profiler,
 * docs/performance.md).
 * <p>
 * The invoice and lines it returns are <em>not managed by JPA</em> ({@link Invoice#detached},
 * {@link InvoiceLine#detached}): calling their methods saves nothing, and passing one to a
 * repository's {@code save} would merge what was read, however old. A change reads the invoice again
 * under its row lock ({@link InvoiceService#lockForPayment}).
 */
@Component
class InvoiceDocumentQuery {

	// Every column of the invoice (InvoiceDocumentQueryTest fails when a column of the table is not
	// here: a column added to invoice or invoice_line goes here, into Invoice.detached or
	// InvoiceLine.detached, and into the reading below). The lines by a left join (none: one row of
	// nulls); their columns are read by label, the invoice's by position.
	static final String COLUMNS = """
			select i.id, i.invoice_number, i.billing_account_id, i.billing_profile_id, i.invoice_date,
			  i.period_start, i.period_end, i.due_date, i.subtotal, i.tax, i.amount_due, i.amount_paid,
			  i.currency, i.status, i.paid_at, i.intake_digest, i.issue_announced_at, i.past_due_announced_at,
			  i.version,
			  l.id as line_id, l.invoice_id as line_invoice_id, l.line_no as line_no,
			  l.service_name as line_service_name, l.description as line_description, l.quantity as line_quantity,
			  l.unit as line_unit, l.unit_price as line_unit_price, l.amount as line_amount
			from invoice i left join invoice_line l on l.invoice_id = i.id
			""";

	private static final String BY_NUMBER = COLUMNS + """
			where i.invoice_number = ? and i.billing_account_id = ?
			order by l.line_no, l.id""";

	private static final String BY_ID = COLUMNS + """
			where i.id = ? and i.billing_account_id = ?
			order by l.line_no, l.id""";

	private final JdbcTemplate jdbc;

	InvoiceDocumentQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's invoice and its lines in their order, or 404 (another account's invoice included). */
	InvoiceWithLines invoiceWithLines(long accountId, String number) {
		return read(BY_NUMBER, number, accountId);
	}

	/** The same by the invoice's id. */
	InvoiceWithLines invoiceWithLines(long accountId, long invoiceId) {
		return read(BY_ID, invoiceId, accountId);
	}

	private InvoiceWithLines read(String sql, Object key, long accountId) {
		InvoiceWithLines found = this.jdbc.query(sql, (rs) -> {
			if (!rs.next()) {
				return null;
			}
			Invoice invoice = invoice(rs);
			List<InvoiceLine> lines = new ArrayList<>();
			do {
				long lineId = rs.getLong("line_id");
				if (!rs.wasNull()) {
					lines.add(InvoiceLine.detached(lineId, rs.getLong("line_invoice_id"), rs.getInt("line_no"),
							rs.getString("line_service_name"), rs.getString("line_description"),
							rs.getBigDecimal("line_quantity"), rs.getString("line_unit"),
							rs.getBigDecimal("line_unit_price"), rs.getBigDecimal("line_amount")));
				}
			}
			while (rs.next());
			return new InvoiceWithLines(invoice, List.copyOf(lines));
		}, key, accountId);
		if (found == null) {
			throw new NotFoundException("Invoice");
		}
		return found;
	}

	private static Invoice invoice(ResultSet rs) throws SQLException {
		return Invoice.detached(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
				new Invoice.InvoiceDates(rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
						rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)),
				rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
				rs.getString(13), InvoiceStatus.valueOf(rs.getString(14)), instant(rs, 15), rs.getString(16),
				instant(rs, 17), instant(rs, 18), rs.getLong(19));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** An invoice and its line items, in their order; neither managed by JPA. */
	record InvoiceWithLines(Invoice invoice, List<InvoiceLine> lines) {
	}

}
