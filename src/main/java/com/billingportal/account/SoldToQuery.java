package com.billingportal.account;

import com.billingportal.portal.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account as an invoice names it: its name and sold-to address, as one plain SQL statement outside
 * any transaction. Read for the invoice page, its PDF and usage CSV and the invoice emails
 * ({@code invoice.InvoiceDocuments}); through Spring Data and Hibernate, the whole account took 5 % of
 * the invoice page's request in async-profiler, H2's part of it small (docs/performance.md).
 */
@Component
public class SoldToQuery {

	private static final String SQL = """
			select name, sold_to_company, sold_to_line1, sold_to_city, sold_to_postal, sold_to_country
			from billing_account where id = ?""";

	private final JdbcTemplate jdbc;

	SoldToQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's name and sold-to address, or 404. */
	public SoldTo soldTo(long accountId) {
		SoldTo found = this.jdbc.query(SQL, (rs) -> rs.next() ? new SoldTo(rs.getString(1),
				new Address(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
				: null, accountId);
		if (found == null) {
			throw new NotFoundException("Billing account");
		}
		return found;
	}

	/**
	 * What an invoice says of the account it was sold to: {@link BillingAccount#name()} and
	 * {@link BillingAccount#soldTo()}, read from the same columns ({@code SoldToQueryTest} compares them).
	 */
	public record SoldTo(String accountName, Address address) {
	}

}
