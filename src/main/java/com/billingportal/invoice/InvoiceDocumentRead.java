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
 * An account's invoice by its number, with its line items, as one plain SQL statement: what the
 * invoice page, its PDF and its usage CSV show. Through Spring Data and Hibernate, the two reads
 * (the invoice by number, then its lines) cost the invoice page about a tenth of its time, the
 * database's part of it a fourteenth (async-profiler, docs/performance.md). The invoice and lines it
 * returns are not managed by JPA: a change goes through {@link InvoiceService}'s repository reads.
 */
@Component
class InvoiceDocumentRead {

	// Every column of the invoice, so that what it returns is the invoice as stored; the lines by a
	// left join (none: one row of nulls), in their order.
	private static final String SQL = """
			select i.id, i.invoice_number, i.billing_account_id, i.billing_profile_id, i.invoice_date,
			  i.period_start, i.period_end, i.due_date, i.subtotal, i.tax, i.amount_due, i.amount_paid,
			  i.currency, i.status, i.paid_at, i.intake_digest, i.issue_announced_at, i.past_due_announced_at,
			  i.version,
			  l.id, l.line_no, l.service_name, l.description, l.quantity, l.unit, l.unit_price, l.amount
			from invoice i left join invoice_line l on l.invoice_id = i.id
			where i.invoice_number = ? and i.billing_account_id = ?
			order by l.line_no, l.id""";

	private final JdbcTemplate jdbc;

	InvoiceDocumentRead(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's invoice and its lines in their order, or 404 (another account's invoice included). */
	InvoiceWithLines read(long accountId, String number) {
		InvoiceWithLines found = this.jdbc.query(SQL, (rs) -> {
			if (!rs.next()) {
				return null;
			}
			Invoice invoice = invoice(rs);
			List<InvoiceLine> lines = new ArrayList<>();
			do {
				long lineId = rs.getLong(20);
				if (!rs.wasNull()) {
					lines.add(InvoiceLine.read(lineId, invoice.id(), rs.getInt(21), rs.getString(22), rs.getString(23),
							rs.getBigDecimal(24), rs.getString(25), rs.getBigDecimal(26), rs.getBigDecimal(27)));
				}
			}
			while (rs.next());
			return new InvoiceWithLines(invoice, List.copyOf(lines));
		}, number, accountId);
		if (found == null) {
			throw new NotFoundException("Invoice");
		}
		return found;
	}

	private static Invoice invoice(ResultSet rs) throws SQLException {
		return Invoice.read(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
				new Invoice.InvoiceDates(rs.getObject(5, LocalDate.class),
						rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
						rs.getObject(8, LocalDate.class)),
				rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
				rs.getString(13), InvoiceStatus.valueOf(rs.getString(14)), instant(rs, 15), rs.getString(16),
				instant(rs, 17), instant(rs, 18), rs.getLong(19));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** An invoice and its line items, in their order. */
	record InvoiceWithLines(Invoice invoice, List<InvoiceLine> lines) {
	}

}
