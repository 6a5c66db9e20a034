import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark data: fills the demo account Contoso Ltd's main billing profile with invoices until the
 * account has the number asked for. A single-file program, run by bench/run with the JDBC driver
 * taken from the portal's own jar:
 *
 * <pre>
 * java -cp DRIVER.jar bench/Generate.java JDBC_URL USER PASSWORD INVOICES [DUE_LIST_FILE]
 * java -cp DRIVER.jar bench/Generate.java JDBC_URL USER PASSWORD check
 * </pre>
 *
 * Every other invoice is Due (or Past due, once its due date has passed), one in fifty is Void, the
 * rest are Paid with a Succeeded payment and its history, written as the portal writes them. Only
 * the invoice, invoice_line, payment and audit_event tables are written (the same columns in every
 * version since V1), plus payment_state_change where it exists, and the account's totals (V18:
 * invoice_balance, monthly_charges) summed again where they exist; where profiles have automatic payment
 * (V14), the profile's is turned off, so that its Due invoices stay Due for the pages and the pay flow. DUE_LIST_FILE receives the numbers
 * of the Due invoices added, one a line. {@code check} prints how many payments succeeded and how
 * many invoices have more than one Succeeded payment (a duplicate charge).
 */
public class Generate {

	private static final int BATCH = 1000;

	private static final String PREFIX = "B";

	private static final BigDecimal TAX_RATE = new BigDecimal("0.06");

	private static final String[][] SERVICES = { { "Virtual Machines", "D4s v5, East US", "Hours", "0.192" },
			{ "Storage", "Blob Storage, Hot LRS", "GB/Month", "0.0184" },
			{ "Bandwidth", "Data transfer out, Zone 1", "GB", "0.087" } };

	private final Connection db;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	private final Instant now = Instant.now();

	private final boolean stateChanges;

	private final boolean allocations;

	private long account;

	private long profile;

	private long admin;

	private String adminEmail;

	private long card;

	private String currency;

	private Generate(Connection db) throws SQLException {
		this.db = db;
		this.stateChanges = tableExists(db, "payment_state_change");
		this.allocations = tableExists(db, "payment_allocation");
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: Generate JDBC_URL USER PASSWORD (INVOICES [DUE_LIST_FILE] | check)");
			System.exit(2);
		}
		try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
			db.setAutoCommit(false);
			if ("check".equals(args[3])) {
				check(db);
			}
			else {
				new Generate(db).fill(Integer.parseInt(args[3]), (args.length > 4) ? Path.of(args[4]) : null);
			}
		}
	}

	private static void check(Connection db) throws SQLException {
		long succeeded = count(db, "select count(*) from payment where status = 'SUCCEEDED'");
		long duplicates = count(db, "select count(*) from (select invoice_id from payment where status = 'SUCCEEDED'"
				+ " group by invoice_id having count(*) > 1) d");
		System.out.println("succeeded=" + succeeded + " duplicates=" + duplicates);
	}

	private void fill(int target, Path dueList) throws Exception {
		long started = System.nanoTime();
		findContoso();
		turnOffAutomaticPayment();
		long existing = count(this.db, "select count(*) from invoice where billing_account_id = " + this.account);
		int next = nextNumber();
		List<String> due = new ArrayList<>();
		int[] tally = new int[3];
		for (int k = 0; k < target - existing; k += BATCH) {
			List<Inv> batch = new ArrayList<>();
			for (int i = k; i < Math.min(k + BATCH, target - existing); i++) {
				Inv inv = invoice(i, next + i);
				batch.add(inv);
				tally[inv.status.equals("DUE") ? 0 : inv.status.equals("PAID") ? 1 : 2]++;
				if (inv.status.equals("DUE")) {
					due.add(inv.number);
				}
			}
			insert(batch);
			this.db.commit();
		}
		allocate();
		rebuildTotals();
		markAnnounced();
		this.db.commit();
		// PostgreSQL: VACUUM too (outside a transaction), as autovacuum would soon after an insert this
		// large; without it each index read of the new rows also visits the table to check that the row
		// is visible (docs/performance.md, "Where it stands on PostgreSQL": the Invoices page's flatness).
		boolean postgres = this.db.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
		this.db.setAutoCommit(true);
		try (var s = this.db.createStatement()) {
			s.execute(postgres ? "vacuum analyze" : "analyze");
		}
		this.db.setAutoCommit(false);
		if (dueList != null) {
			Files.write(dueList, due);
		}
		long succeeded = count(this.db, "select count(*) from payment where status = 'SUCCEEDED'");
		System.out.printf("Contoso Ltd (account %d): %d invoices before, %d added (due %d, paid %d, void %d) "
				+ "in %.1f s; succeeded=%d%n", this.account, existing, tally[0] + tally[1] + tally[2], tally[0],
				tally[1], tally[2], (System.nanoTime() - started) / 1e9, succeeded);
	}

	/**
	 * Where the schema has payment allocations (V12: every payment has one row per invoice it pays),
	 * the generated payments get theirs, as V12 gave the payments it found: without them the invoice
	 * page and the Payments list would find no payment of a generated invoice.
	 */
	private void allocate() throws SQLException {
		if (!this.allocations) {
			return;
		}
		try (var s = this.db.createStatement()) {
			s.executeUpdate("insert into payment_allocation (payment_id, invoice_id, amount, active_invoice_id) "
					+ "select p.id, p.invoice_id, p.amount, p.active_invoice_id from payment p "
					+ "where not exists (select 1 from payment_allocation a where a.payment_id = p.id)");
		}
	}

	/** The demo account, its main billing profile, its admin and the profile's default card, by name. */
	private void findContoso() throws SQLException {
		try (PreparedStatement s = this.db.prepareStatement("select a.id, a.admin_user_id, u.email, p.id, p.currency, "
				+ "p.default_card_id from billing_account a join app_user u on u.id = a.admin_user_id "
				+ "join billing_profile p on p.billing_account_id = a.id "
				+ "where a.name = 'Contoso Ltd' and p.name = 'Contoso Billing'"); ResultSet r = s.executeQuery()) {
			if (!r.next()) {
				throw new IllegalStateException("No demo account Contoso Ltd with profile Contoso Billing");
			}
			this.account = r.getLong(1);
			this.admin = r.getLong(2);
			this.adminEmail = r.getString(3);
			this.profile = r.getLong(4);
			this.currency = r.getString(5);
			this.card = r.getLong(6);
		}
	}

	/**
	 * Where billing profiles have automatic payment (migration V14), the profile's Due invoices would
	 * be charged by the portal's own job as soon as it starts, leaving none for the pages and the pay
	 * flow to measure: the benchmark's profile has it off.
	 */
	private void turnOffAutomaticPayment() throws SQLException {
		if (!columnExists(this.db, "billing_profile", "autopay")) {
			return;
		}
		try (PreparedStatement s = this.db.prepareStatement("update billing_profile set autopay = false where id = ?")) {
			s.setLong(1, this.profile);
			s.executeUpdate();
		}
	}

	/**
	 * Where the portal emails the admin about new and past-due invoices (migration V11), it would
	 * announce these invoices (a few hundred emails with their PDFs every few minutes) during the
	 * measurements: they stand for invoices of past months, long announced, as V11 marked the invoices
	 * it found.
	 */
	private void markAnnounced() throws SQLException {
		if (!columnExists(this.db, "invoice", "issue_announced_at")) {
			return;
		}
		try (var s = this.db.createStatement()) {
			s.executeUpdate("update invoice set issue_announced_at = current_timestamp where issue_announced_at is null"
					+ " and billing_account_id = " + this.account);
			s.executeUpdate("update invoice set past_due_announced_at = current_timestamp where past_due_announced_at"
					+ " is null and status = 'DUE' and due_date < current_date and billing_account_id = " + this.account);
		}
	}

	/**
	 * Where the account's totals are kept (migration V18: the overview's balance due and charges by
	 * month), the portal keeps them as it writes invoices; these were written past it, so the
	 * account's totals are summed again, as the portal's InvoiceTotals.rebuild does.
	 */
	private void rebuildTotals() throws SQLException {
		// The same sums as the portal's InvoiceTotals.rebuild and migration V18: keep the three in step.
		if (!tableExists(this.db, "invoice_balance")) {
			return;
		}
		String month = "cast(date_trunc('month', cast(invoice_date as timestamp)) as date)";
		for (String sql : new String[] { "delete from invoice_balance where billing_account_id = ?",
				"insert into invoice_balance (billing_account_id, currency, amount, invoices)"
						+ " select billing_account_id, currency, sum(amount_due - amount_paid), count(*) from invoice"
						+ " where billing_account_id = ? and status in ('DUE', 'PROCESSING')"
						+ " group by billing_account_id, currency",
				"delete from monthly_charges where billing_account_id = ?",
				"insert into monthly_charges (billing_account_id, currency, month_start, amount, invoices)"
						+ " select billing_account_id, currency, " + month + ", sum(amount_due), count(*) from invoice"
						+ " where billing_account_id = ? and status <> 'VOID'"
						+ " group by billing_account_id, currency, " + month }) {
			try (PreparedStatement s = this.db.prepareStatement(sql)) {
				s.setLong(1, this.account);
				s.executeUpdate();
			}
		}
	}

	/** B000000001, B000000002…: ten characters, after the highest B number already there. */
	private int nextNumber() throws SQLException {
		try (PreparedStatement s = this.db
			.prepareStatement("select max(invoice_number) from invoice where invoice_number like '" + PREFIX + "%'");
				ResultSet r = s.executeQuery()) {
			r.next();
			String max = r.getString(1);
			return (max == null) ? 1 : Integer.parseInt(max.substring(PREFIX.length())) + 1;
		}
	}

	/** The k-th invoice added: dates spread over three years, every other one Due, one in fifty Void. */
	private Inv invoice(int k, int seq) {
		LocalDate date = this.today.minusDays(k % 1095);
		String status = (k % 2 == 0) ? "DUE" : (k % 50 == 1) ? "VOID" : "PAID";
		List<BigDecimal[]> lines = new ArrayList<>();
		BigDecimal subtotal = BigDecimal.ZERO;
		for (int l = 0; l < SERVICES.length; l++) {
			BigDecimal quantity = BigDecimal.valueOf(100 + (k * 37L + l * 101L) % 900);
			BigDecimal price = new BigDecimal(SERVICES[l][3]);
			BigDecimal amount = quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
			lines.add(new BigDecimal[] { quantity, price, amount });
			subtotal = subtotal.add(amount);
		}
		BigDecimal tax = subtotal.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_EVEN);
		Instant paidAt = null;
		if (status.equals("PAID")) {
			Instant p = date.plusDays(27).atTime(9, 0).toInstant(ZoneOffset.UTC);
			paidAt = p.isAfter(this.now) ? this.now : p;
		}
		return new Inv(PREFIX + String.format("%09d", seq), date, status, lines, subtotal, tax, paidAt);
	}

	private void insert(List<Inv> batch) throws SQLException {
		try (PreparedStatement s = this.db.prepareStatement("insert into invoice (invoice_number, billing_account_id, "
				+ "billing_profile_id, invoice_date, period_start, period_end, due_date, subtotal, tax, amount_due, "
				+ "currency, status, paid_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
			for (Inv inv : batch) {
				LocalDate periodEnd = inv.date.withDayOfMonth(1).minusDays(1);
				s.setString(1, inv.number);
				s.setLong(2, this.account);
				s.setLong(3, this.profile);
				s.setDate(4, Date.valueOf(inv.date));
				s.setDate(5, Date.valueOf(periodEnd.withDayOfMonth(1)));
				s.setDate(6, Date.valueOf(periodEnd));
				s.setDate(7, Date.valueOf(inv.date.plusDays(30)));
				s.setBigDecimal(8, inv.subtotal);
				s.setBigDecimal(9, inv.tax);
				s.setBigDecimal(10, inv.total());
				s.setString(11, this.currency);
				s.setString(12, inv.status);
				s.setTimestamp(13, (inv.paidAt != null) ? Timestamp.from(inv.paidAt) : null);
				s.addBatch();
			}
			s.executeBatch();
		}
		Map<String, Long> ids = ids(batch.get(0).number, batch.get(batch.size() - 1).number);
		lines(batch, ids);
		payments(batch, ids);
	}

	private Map<String, Long> ids(String first, String last) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (PreparedStatement s = this.db
			.prepareStatement("select id, invoice_number from invoice where invoice_number between ? and ?")) {
			s.setString(1, first);
			s.setString(2, last);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					ids.put(r.getString(2), r.getLong(1));
				}
			}
		}
		return ids;
	}

	private void lines(List<Inv> batch, Map<String, Long> ids) throws SQLException {
		try (PreparedStatement s = this.db.prepareStatement("insert into invoice_line (invoice_id, line_no, "
				+ "service_name, description, quantity, unit, unit_price, amount) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (Inv inv : batch) {
				for (int l = 0; l < inv.lines.size(); l++) {
					s.setLong(1, ids.get(inv.number));
					s.setInt(2, l + 1);
					s.setString(3, SERVICES[l][0]);
					s.setString(4, SERVICES[l][1]);
					s.setBigDecimal(5, inv.lines.get(l)[0]);
					s.setString(6, SERVICES[l][2]);
					s.setBigDecimal(7, inv.lines.get(l)[1]);
					s.setBigDecimal(8, inv.lines.get(l)[2]);
					s.addBatch();
				}
			}
			s.executeBatch();
		}
	}

	/** A Succeeded payment per Paid invoice, with its two state changes, as V1_1__Demo_data writes them. */
	private void payments(List<Inv> batch, Map<String, Long> ids) throws SQLException {
		try (PreparedStatement pay = this.db.prepareStatement("insert into payment (payment_ref, invoice_id, "
				+ "billing_account_id, card_id, actor_user_id, amount, currency, idempotency_key, status, "
				+ "gateway_reference, active_invoice_id, created_at, updated_at, version) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, 'SUCCEEDED', ?, ?, ?, ?, 0)");
				PreparedStatement audit = this.db.prepareStatement("insert into audit_event (occurred_at, "
						+ "actor_user_id, actor_email, action, object_type, object_id, billing_account_id, detail) "
						+ "values (?, ?, ?, ?, 'Payment', ?, ?, ?)");
				PreparedStatement change = this.stateChanges ? this.db.prepareStatement("insert into "
						+ "payment_state_change (payment_ref, occurred_at, actor_user_id, actor_email, from_status, "
						+ "to_status, reason, detail) values (?, ?, ?, ?, ?, ?, ?, ?)") : null) {
			for (Inv inv : batch) {
				if (inv.paidAt == null) {
					continue;
				}
				String ref = UUID.randomUUID().toString();
				Timestamp at = Timestamp.from(inv.paidAt);
				long id = ids.get(inv.number);
				pay.setString(1, ref);
				pay.setLong(2, id);
				pay.setLong(3, this.account);
				pay.setLong(4, this.card);
				pay.setLong(5, this.admin);
				pay.setBigDecimal(6, inv.total());
				pay.setString(7, this.currency);
				pay.setString(8, UUID.randomUUID().toString());
				pay.setString(9, "ch_bench_" + inv.number);
				pay.setLong(10, id);
				pay.setTimestamp(11, at);
				pay.setTimestamp(12, at);
				pay.addBatch();
				history(audit, change, ref, at, "NEW", "PENDING", "STARTED", "invoice " + inv.number);
				history(audit, change, ref, at, "PENDING", "SUCCEEDED", "CHARGED", "invoice " + inv.number + " paid");
			}
			pay.executeBatch();
			audit.executeBatch();
			if (change != null) {
				change.executeBatch();
			}
		}
	}

	private void history(PreparedStatement audit, PreparedStatement change, String ref, Timestamp at, String from,
			String to, String reason, String detail) throws SQLException {
		audit.setTimestamp(1, at);
		audit.setLong(2, this.admin);
		audit.setString(3, this.adminEmail);
		audit.setString(4, "PAYMENT_" + to);
		audit.setString(5, ref);
		audit.setLong(6, this.account);
		audit.setString(7, from + " -> " + to + "; " + reason + "; " + detail);
		audit.addBatch();
		if (change != null) {
			change.setString(1, ref);
			change.setTimestamp(2, at);
			change.setLong(3, this.admin);
			change.setString(4, this.adminEmail);
			change.setString(5, from);
			change.setString(6, to);
			change.setString(7, reason);
			change.setString(8, detail);
			change.addBatch();
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
			r.next();
			return r.getLong(1);
		}
	}

	/** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
	private static boolean tableExists(Connection db, String name) throws SQLException {
		DatabaseMetaData meta = db.getMetaData();
		for (String n : new String[] { name, name.toUpperCase() }) {
			try (ResultSet r = meta.getTables(null, null, n, new String[] { "TABLE" })) {
				if (r.next()) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean columnExists(Connection db, String table, String column) throws SQLException {
		DatabaseMetaData meta = db.getMetaData();
		for (boolean upper : new boolean[] { false, true }) {
			try (ResultSet r = meta.getColumns(null, null, upper ? table.toUpperCase() : table,
					upper ? column.toUpperCase() : column)) {
				if (r.next()) {
					return true;
				}
			}
		}
		return false;
	}

	private record Inv(String number, LocalDate date, String status, List<BigDecimal[]> lines, BigDecimal subtotal,
			BigDecimal tax, Instant paidAt) {

		BigDecimal total() {
			return this.subtotal.add(this.tax);
		}

	}

}
