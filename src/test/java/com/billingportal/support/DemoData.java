package com.billingportal.support;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.NewCardForm;
import com.billingportal.invoice.InvoiceTotals;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data as tests need it: the demo sign-ins, ids (fixed, or read from the database by
 * name), invoice numbers by state, new invoices to pay, counts, payment histories, and a checksum
 * of the business tables to prove that a refused request changed nothing. The one fixture helper
 * of the tests, also over another node's database.
 */
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
			"invitation", "credit_card", "billing_profile", "billing_profile_recipient", "invoice", "invoice_line", "payment",
			"payment_allocation", "email_message", "api_key", "api_account", "refund", "webhook_endpoint", "admin_invitation",
			"autopay_invoice");

	private final JdbcTemplate jdbc;

	private final UserService users;

	private final BillingAccountService accounts;

	private final InvoiceTotals totals;

	public DemoData(JdbcTemplate jdbc, UserService users, BillingAccountService accounts, InvoiceTotals totals) {
		this.jdbc = jdbc;
		this.users = users;
		this.accounts = accounts;
		this.totals = totals;
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

	/** A pending invitation of the address to the account, sent by the account's admin, as the IAM page makes it. */
	public long invite(long accountId, String email, String role) {
		this.jdbc.update("insert into invitation (billing_account_id, email, role, invited_by, created_at, status, pending)"
				+ " select id, ?, ?, admin_user_id, current_timestamp, 'PENDING', true from billing_account where id = ?",
				email, role, accountId);
		return invitationId(accountId, email);
	}

	/** The newest invitation of the address to the account. */
	public long invitationId(long accountId, String email) {
		return this.jdbc.queryForObject("select max(id) from invitation where billing_account_id = ? and email = ?",
				Long.class, accountId, email);
	}

	public String invitationStatus(long invitationId) {
		return this.jdbc.queryForObject("select status from invitation where id = ?", String.class, invitationId);
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

	public long userId(String email) {
		return this.jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
	}

	/** What Contoso's admin may do on Contoso, as the services are asked it. */
	public AccountAccess adminAccess() {
		return this.accounts.access(userId(CONTOSO_ADMIN), contoso());
	}

	public Actor admin() {
		return new Actor(userId(CONTOSO_ADMIN), CONTOSO_ADMIN);
	}

	/** Contoso's saved Visa •••• 4242, which the sandbox charges successfully. */
	public long visa() {
		return cardId(contoso(), "4242");
	}

	/** A new due invoice of Contoso's first billing profile, so that every test pays its own. */
	public String newDueInvoice() {
		long account = contoso();
		long profile = this.jdbc.queryForObject("select min(id) from billing_profile where billing_account_id = ?",
				Long.class, account);
		String number = "T" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		LocalDate today = LocalDate.now();
		this.jdbc.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
				+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
				+ "values (?, ?, ?, ?, ?, ?, ?, 100.00, 6.00, 106.00, 'USD', 'DUE', 0)", number, account, profile,
				Date.valueOf(today), Date.valueOf(today.minusMonths(1)), Date.valueOf(today.minusDays(1)),
				Date.valueOf(today.plusDays(30)));
		invoicesWritten(account);
		return number;
	}

	/**
	 * After invoices of the account were inserted or changed in SQL (past JPA, which keeps the
	 * overview's totals): its balance due and charges by month made right again.
	 */
	public void invoicesWritten(long accountId) {
		this.totals.rebuild(accountId);
	}

	/** The amount due of every {@link #newDueInvoice()}. */
	public static BigDecimal newInvoiceAmount() {
		return new BigDecimal("106.00");
	}

	public static NewCardForm newCard(String number) {
		return new NewCardForm("Avery Chen", number, "12", String.valueOf(LocalDate.now().getYear() + 2), "123", "US",
				"98052", false);
	}

	public int payments(String invoiceNumber, PaymentStatus status) {
		return this.jdbc.queryForObject("""
				select count(*) from payment p join invoice i on i.id = p.invoice_id
				where i.invoice_number = ? and p.status = ?""", Integer.class, invoiceNumber, status.name());
	}

	/** The state changes of one payment, oldest first, as "FROM -> TO; REASON[; detail]". */
	public List<String> history(String paymentReference) {
		return this.jdbc.query("select from_status, to_status, reason, detail from payment_state_change"
				+ " where payment_ref = ? order by id", (row, i) -> row.getString(1) + " -> " + row.getString(2) + "; "
						+ row.getString(3) + ((row.getString(4) != null) ? "; " + row.getString(4) : ""),
				paymentReference);
	}

	/**
	 * Values for the path variables of the portal's routes, read from Contoso's demo data: an
	 * account, a due invoice, a payment, a profile, the Visa and the expired card, the
	 * contributor's role assignment, a fresh UUID. A test adds its own for other variables.
	 */
	public Map<String, String> routeValues() {
		long contoso = contoso();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("accountId", String.valueOf(contoso));
		values.put("number", dueInvoice(contoso));
		values.put("reference", paymentReference(contoso));
		values.put("profileId", String.valueOf(profileId("Contoso Billing")));
		values.put("visaId", String.valueOf(cardId(contoso, "4242")));
		values.put("cardId", String.valueOf(cardId(contoso, "4444")));
		values.put("assignmentId", String.valueOf(assignmentId(contoso, CONTOSO_CONTRIBUTOR)));
		values.put("uuid", UUID.randomUUID().toString());
		values.put("emailId", String.valueOf(keptEmail(contoso)));
		return values;
	}

	/**
	 * An email of the account's Email history: its first one, or one written here as the embedded
	 * default keeps them (a plain-text message to the admin) when it has none yet.
	 */
	public long keptEmail(long accountId) {
		Long first = this.jdbc.queryForObject("select min(id) from email_message where billing_account_id = ?",
				Long.class, accountId);
		if (first != null) {
			return first;
		}
		String mime = "Message-ID: <fixture@billing-portal>\r\nSubject: Fixture\r\nTo: admin@contoso.com\r\n"
				+ "Content-Type: text/plain; charset=us-ascii\r\n\r\nA kept email.\r\n";
		this.jdbc.update("insert into email_message (billing_account_id, event_id, kind, about, recipient, language,"
				+ " subject, message_id, mime, status, attempts, next_attempt_at, created_at, sent_at) values (?, ?,"
				+ " 'PAYMENT_RECEIPT', 'fixture', 'admin@contoso.com', 'en', 'Fixture', '<fixture@billing-portal>', ?,"
				+ " 'KEPT', 0, current_timestamp, current_timestamp, current_timestamp)", accountId,
				UUID.randomUUID().toString(), mime);
		return keptEmail(accountId);
	}

	/** The route with each {@code {name}} replaced by its value; a variable without one fails the test. */
	public static String fillRoute(String route, Map<String, String> values) {
		Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(route);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			assertThat(value).as("a value for {%s} in the test's route values", m.group(1)).isNotNull();
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * A column of a row read with {@code queryForList}, by name whatever case the database gives its
	 * labels (H2 upper case, PostgreSQL lower case).
	 */
	public static Object column(Map<String, Object> row, String name) {
		return row.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

}
