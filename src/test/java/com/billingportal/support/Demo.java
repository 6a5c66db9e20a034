package com.billingportal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo data as tests need it: ids read from the database (never hard-coded), the demo
 * sign-ins, and a checksum of the business tables to prove a refused request changed nothing.
 */
public final class Demo {

	public static final String PASSWORD = "billing-demo-2026";

	public static final String CONTOSO_ADMIN = "admin@contoso.com";

	public static final String CONTOSO_READER = "reader@contoso.com";

	public static final String CONTOSO_CONTRIBUTOR = "contributor@contoso.com";

	public static final String FABRIKAM_ADMIN = "admin@fabrikam.com";

	public static final String NORTHWIND_ADMIN = "admin@northwind.com";

	/** The tables whose rows are the business state; audit events and sessions are not. */
	public static final List<String> STATE_TABLES = List.of("app_user", "billing_account", "role_assignment",
			"credit_card", "billing_profile", "invoice", "invoice_line", "payment");

	private final JdbcTemplate jdbc;

	private final UserService users;

	public Demo(JdbcTemplate jdbc, UserService users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public PortalUser user(String email) {
		return this.users.loadUserByUsername(email);
	}

	public long accountId(String name) {
		return this.jdbc.queryForObject("select id from billing_account where name = ?", Long.class, name);
	}

	public long contoso() {
		return accountId("Contoso Ltd");
	}

	public long fabrikam() {
		return accountId("Fabrikam, Inc.");
	}

	public long northwind() {
		return accountId("Northwind Traders");
	}

	public long profileId(String name) {
		return this.jdbc.queryForObject("select id from billing_profile where name = ?", Long.class, name);
	}

	public long cardId(long accountId, String lastFour) {
		return this.jdbc.queryForObject(
				"select id from credit_card where billing_account_id = ? and last_four = ? and status = 'ACTIVE' order by id fetch first 1 rows only",
				Long.class, accountId, lastFour);
	}

	/** A due invoice of the account within the card limit, newest first. */
	public String dueInvoice(long accountId) {
		return this.jdbc.queryForObject("select invoice_number from invoice where billing_account_id = ? "
				+ "and status = 'DUE' and amount_due < 50000 order by due_date desc fetch first 1 rows only",
				String.class, accountId);
	}

	public String paymentReference(long accountId) {
		return this.jdbc.queryForObject(
				"select payment_ref from payment where billing_account_id = ? order by id fetch first 1 rows only",
				String.class, accountId);
	}

	public long assignmentId(long accountId, String email) {
		return this.jdbc.queryForObject("select r.id from role_assignment r join app_user u on u.id = r.user_id "
				+ "where r.billing_account_id = ? and u.email = ?", Long.class, accountId, email);
	}

	public long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	public long auditCount(String action) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
	}

	/** Row counts and a CRC of every row of the business tables. */
	public String checksum() {
		List<String> parts = new ArrayList<>();
		for (String table : STATE_TABLES) {
			CRC32 crc = new CRC32();
			List<String> rows = this.jdbc.query("select * from " + table + " order by id", (rs, i) -> {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					row.append(rs.getString(c)).append('|');
				}
				return row.toString();
			});
			rows.forEach((r) -> crc.update(r.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			parts.add(table + "=" + rows.size() + ":" + Long.toHexString(crc.getValue()));
		}
		return String.join(", ", parts);
	}

}
