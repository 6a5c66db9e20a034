package com.billingportal.profile;

import com.billingportal.account.Address;
import com.billingportal.portal.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing profile as an invoice names it: its name, bill-to address, PO number and tax ID, as one
 * plain SQL statement outside any transaction. Read for the invoice page, its PDF and usage CSV and the
 * invoice emails ({@code invoice.InvoiceDocuments}); through Spring Data and Hibernate (a derived query),
 * the whole profile took 5 % of the invoice page's request in async-profiler (docs/performance.md).
 */
@Component
public class BillToQuery {

	private static final String SQL = """
			select name, bill_to_company, bill_to_line1, bill_to_city, bill_to_postal, bill_to_country,
			  po_number, tax_id
			from billing_profile where id = ? and billing_account_id = ?""";

	private final JdbcTemplate jdbc;

	BillToQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's billing profile, or 404 (another account's included). */
	public BillTo billTo(long accountId, long profileId) {
		BillTo found = this.jdbc.query(SQL, (rs) -> rs.next() ? new BillTo(rs.getString(1),
				new Address(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
				rs.getString(7), rs.getString(8)) : null, profileId, accountId);
		if (found == null) {
			throw new NotFoundException("Billing profile");
		}
		return found;
	}

	/**
	 * What an invoice says of the billing profile it was billed to: {@link BillingProfile#name()},
	 * {@link BillingProfile#billTo()}, {@link BillingProfile#poNumber()} and {@link BillingProfile#taxId()},
	 * read from the same columns ({@code BillToQueryTest} compares them).
	 */
	public record BillTo(String profileName, Address address, String poNumber, String taxId) {
	}

}
