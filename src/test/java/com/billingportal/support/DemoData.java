package com.billingportal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo data as tests need it: the demo sign-ins, ids (fixed, or read from the database by
 * name), invoice numbers by state, counts, and a checksum of the business tables to prove that a
 * refused request changed nothing.
 */
@Component
public class DemoData {

	public static final long CONTOSO = 1;

	public static final long FABRIKAM = 2;

	public static final long NORTHWIND = 3;

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

	public DemoData(JdbcTemplate jdbc, UserService users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public PortalUser user(String email) {
		return this.users.loadUserByUsername(email);
	}

	/** Invoices of the account stored as DUE (due or past due), within the card limit, newest first. */
	public List<String> payableInvoices(long accountId) {
		return this.jdbc.queryForList("select invoice_number from invoice where billing_account_id = ? and status = 'DUE'"
				+ " and amount_due <= 50000 order by invoice_date desc, id desc", String.class, accountId);
	}

	public String pastDueInvoice(long accountId) {
		return this.jdbc.queryForObject("select invoice_number from invoice where billing_account_id = ? and status = 'DUE'"
				+ " and amount_due <= 50000 and due_date < current_date order by invoice_date desc, id desc limit 1",
				String.class, accountId);
	}

	public String aboveCardLimitInvoice(long accountId) {
		return this.jdbc.queryForObject("select invoice_number from invoice where billing_account_id = ? and status = 'DUE'"
				+ " and amount_due > 50000 limit 1", String.class, accountId);
	}

	public String invoiceInState(long accountId, String state) {
		return this.jdbc.queryForObject("select invoice_number from invoice where billing_account_id = ? and status = ?"
				+ " order by invoice_date desc limit 1", String.class, accountId, state);
	}

	public String invoiceStatus(String number) {
		return this.jdbc.queryForObject("select status from invoice where invoice_number = ?", String.class, number);
	}

	public long defaultCard(long accountId) {
		return this.jdbc.queryForObject("select min(default_card_id) from billing_profile where billing_account_id = ?",
				Long.class, accountId);
	}

	public long expiredCard(long accountId) {
		return this.jdbc.queryForObject("select id from credit_card where billing_account_id = ? and brand = 'MASTERCARD'",
				Long.class, accountId);
	}

	public List<String> paymentStatuses(String invoiceNumber) {
		return this.jdbc.queryForList("select p.status from payment p join invoice i on i.id = p.invoice_id"
				+ " where i.invoice_number = ? order by p.id", String.class, invoiceNumber);
	}

	public List<String> paymentFailureReasons(String invoiceNumber) {
		return this.jdbc.queryForList("select p.failure_reason from payment p join invoice i on i.id = p.invoice_id"
				+ " where i.invoice_number = ? and p.status = 'FAILED' order by p.id", String.class, invoiceNumber);
	}

	/** Charges the sandbox processor made for the invoice's payments. */
	public int gatewayCharges(String invoiceNumber) {
		return this.jdbc.queryForObject("select count(*) from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key"
				+ " join invoice i on i.id = p.invoice_id where i.invoice_number = ?", Integer.class, invoiceNumber);
	}

	public int succeededGatewayCharges(String invoiceNumber) {
		return this.jdbc.queryForObject("select count(*) from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key"
				+ " join invoice i on i.id = p.invoice_id where i.invoice_number = ? and c.status = 'SUCCEEDED'",
				Integer.class, invoiceNumber);
	}

	public long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	public List<String> auditActions(String objectType) {
		return this.jdbc.queryForList("select action from audit_event where object_type = ? order by id", String.class,
				objectType);
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
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
