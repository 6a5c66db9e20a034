package db.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.billingportal.payment.SandboxCards;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Demo data, loaded only by the demo profile (its own Flyway location, db/demo). Dates are relative
 * to the day the database is created, so a fresh portal always has due and past-due invoices.
 * Every sign-in's password is {@value #PASSWORD}.
 */
public class V1_1__Demo_data extends BaseJavaMigration {

	public static final String PASSWORD = "billing-demo-2026";

	private static final String MCA = "MICROSOFT_CUSTOMER_AGREEMENT";

	private JdbcTemplate jdbc;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final LocalDate today = LocalDate.now();

	private int invoiceSeq;

	@Override
	public void migrate(Context context) {
		this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
		String hash = new BCryptPasswordEncoder().encode(PASSWORD);

		long contosoAdmin = user("admin@contoso.com", "Avery Chen", hash);
		long contosoReader = user("reader@contoso.com", "Riley Park", hash);
		long contosoContributor = user("contributor@contoso.com", "Casey Morgan", hash);
		contoso(contosoAdmin, contosoReader, contosoContributor);
		fabrikam(user("admin@fabrikam.com", "Jonas Weber", hash));
		northwind(user("admin@northwind.com", "Nancy Davolio", hash));
	}

	/** Three sign-ins in three roles, two billing profiles, a year of invoices, an expired card. */
	private void contoso(long contosoAdmin, long contosoReader, long contosoContributor) {
		long contoso = account("Contoso Ltd", MCA, "Contoso Ltd", "1 Microsoft Way", "Redmond", "98052", "US",
				contosoAdmin);
		role(contoso, contosoAdmin, "OWNER");
		role(contoso, contosoReader, "READER");
		role(contoso, contosoContributor, "CONTRIBUTOR");
		long contosoMain = profile(contoso, "Contoso Billing", "USD", "Contoso Ltd", "PO-2026-0415");
		long contosoResearch = profile(contoso, "Contoso Research", "USD", "Contoso Research Lab", "PO-RES-7731");
		long visa = card(contoso, "VISA", "4242", YearMonth.from(this.today).plusYears(3), "Avery Chen", "SUCCEED");
		long expired = card(contoso, "MASTERCARD", "4444", YearMonth.from(this.today).minusMonths(8), "Avery Chen",
				"SUCCEED");
		makeDefault(contosoMain, visa);
		makeDefault(contosoResearch, visa);

		// Contoso Billing: one invoice a month for a year; the two before this month's are past due.
		for (int m = 11; m >= 0; m--) {
			String state = (m == 0 || m == 1 || m == 2) ? "DUE" : (m == 5 ? "VOID" : "PAID");
			long invoice = invoice("G0", contoso, contosoMain, m, 0, "USD", new BigDecimal("0.06"), state,
					azureLines(m), contosoAdmin, visa);
			if (m == 1) {
				failedPayment(invoice, contoso, expired, contosoAdmin, "CARD_EXPIRED", "expired_card");
			}
		}
		// Contoso Research: quarterly; the newest is above the card limit and paid by wire transfer.
		invoice("G0", contoso, contosoResearch, 1, 14, "USD", new BigDecimal("0.06"), "DUE", List.of(
				line("Azure OpenAI Service", "GPT-4o provisioned throughput units", "300", "Hours", "163.5"),
				line("Virtual Machines", "ND96asr v4 (8x A100), East US", "240", "Hours", "27.197")), contosoAdmin,
				visa);
		invoice("G0", contoso, contosoResearch, 4, 14, "USD", new BigDecimal("0.06"), "PAID", azureLines(4),
				contosoAdmin, visa);
		invoice("G0", contoso, contosoResearch, 7, 14, "USD", new BigDecimal("0.06"), "PAID", azureLines(7),
				contosoAdmin, visa);
	}

	/** One admin, invoices in euros. */
	private void fabrikam(long fabrikamAdmin) {
		long fabrikam = account("Fabrikam, Inc.", MCA, "Fabrikam GmbH", "Friedrichstraße 123", "Berlin", "10117",
				"DE", fabrikamAdmin);
		role(fabrikam, fabrikamAdmin, "OWNER");
		long fabrikamProfile = profile(fabrikam, "Fabrikam EU", "EUR", "Fabrikam GmbH", null);
		long fabrikamCard = card(fabrikam, "VISA", "4242", YearMonth.from(this.today).plusYears(2), "Jonas Weber",
				"SUCCEED");
		makeDefault(fabrikamProfile, fabrikamCard);
		for (int m = 5; m >= 0; m--) {
			invoice("E0", fabrikam, fabrikamProfile, m, 2, "EUR", new BigDecimal("0.19"), m <= 1 ? "DUE" : "PAID",
					azureLines(m + 3), fabrikamAdmin, fabrikamCard);
		}
	}

	/** Not a Microsoft Customer Agreement: no card payment, no saved card. */
	private void northwind(long northwindAdmin) {
		long northwind = account("Northwind Traders", "MICROSOFT_ONLINE_SERVICES_PROGRAM", "Northwind Traders",
				"2732 Baker Blvd.", "Eugene", "97403", "US", northwindAdmin);
		role(northwind, northwindAdmin, "OWNER");
		long northwindProfile = profile(northwind, "Northwind Pay-As-You-Go", "USD", "Northwind Traders", null);
		for (int m = 3; m >= 0; m--) {
			invoice("N0", northwind, northwindProfile, m, 0, "USD", BigDecimal.ZERO, m <= 1 ? "DUE" : "PAID",
					azureLines(m + 1), null, null);
		}
	}

	private static List<Object[]> azureLines(int seed) {
		int s = seed + 1;
		return List.of(line("Virtual Machines", "D4s v5, East US", String.valueOf(600 + 37 * s), "Hours", "0.192"),
				line("Azure SQL Database", "General Purpose, 4 vCores", String.valueOf(720), "Hours",
						"0." + (500 + s)),
				line("Storage", "Blob Storage, Hot LRS", String.valueOf(2048 + 101 * s), "GB/Month", "0.0184"),
				line("Bandwidth", "Data transfer out, Zone 1", String.valueOf(350 + 19 * s), "GB", "0.087"));
	}

	private static Object[] line(String service, String description, String quantity, String unit, String price) {
		return new Object[] { service, description, new BigDecimal(quantity), unit, new BigDecimal(price) };
	}

	private long user(String email, String name, String hash) {
		this.jdbc.update("insert into app_user (email, display_name, password_hash, enabled, failed_logins, created_at)"
				+ " values (?, ?, ?, true, 0, ?)", email, name, hash, ts(this.now));
		return this.jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
	}

	private long account(String name, String type, String company, String line1, String city, String postal,
			String country, long admin) {
		this.jdbc.update("insert into billing_account (name, agreement_type, sold_to_company, sold_to_line1, "
				+ "sold_to_city, sold_to_postal, sold_to_country, admin_user_id, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", name, type, company, line1, city, postal, country, admin,
				ts(this.now));
		return lastId("billing_account");
	}

	private void role(long account, long user, String role) {
		this.jdbc.update("insert into role_assignment (billing_account_id, user_id, role, created_at) values (?, ?, ?, ?)",
				account, user, role, ts(this.now));
	}

	private long profile(long account, String name, String currency, String company, String po) {
		Map<String, String> address = this.jdbc.queryForMap(
				"select sold_to_line1, sold_to_city, sold_to_postal, sold_to_country from billing_account where id = ?",
				account)
			.entrySet()
			.stream()
			.collect(Collectors.toMap((e) -> e.getKey().toLowerCase(), (e) -> String.valueOf(e.getValue())));
		this.jdbc.update("insert into billing_profile (billing_account_id, name, currency, bill_to_company, "
				+ "bill_to_line1, bill_to_city, bill_to_postal, bill_to_country, po_number, version) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", account, name, currency, company,
				address.get("sold_to_line1"), address.get("sold_to_city"), address.get("sold_to_postal"),
				address.get("sold_to_country"), po);
		return lastId("billing_profile");
	}

	/**
	 * A saved card. Its fingerprint needs the deployment's key, which a migration does not have: it
	 * is left empty here (V5 erases it) and computed when the demo starts (card.DemoCardFingerprints).
	 */
	private long card(long account, String brand, String lastFour, YearMonth expiry, String holder,
			String behaviour) {
		String token = SandboxCards.tokenFor(behaviour, "demo" + account + lastFour);
		this.jdbc.update("insert into credit_card (billing_account_id, brand, last_four, expiry_month, expiry_year, "
				+ "holder_name, country, postal_code, gateway_token, fingerprint, status, created_at, version) "
				+ "values (?, ?, ?, ?, ?, ?, 'US', '98052', ?, '', 'ACTIVE', ?, 0)", account, brand, lastFour,
				expiry.getMonthValue(), expiry.getYear(), holder, token, ts(this.now));
		return lastId("credit_card");
	}

	private void makeDefault(long profile, long card) {
		this.jdbc.update("update billing_profile set default_card_id = ? where id = ?", card, profile);
	}

	private long invoice(String prefix, long account, long profile, int monthsAgo, int dayOffset, String currency,
			BigDecimal taxRate, String state, List<Object[]> lines, Long payer, Long card) {
		LocalDate invoiceDate = this.today.minusMonths(monthsAgo).withDayOfMonth(1).plusDays(dayOffset);
		LocalDate periodEnd = invoiceDate.withDayOfMonth(1).minusDays(1);
		LocalDate periodStart = periodEnd.withDayOfMonth(1);
		LocalDate due = invoiceDate.plusDays(30);
		Map<Object[], BigDecimal> amounts = new LinkedHashMap<>();
		BigDecimal subtotal = BigDecimal.ZERO;
		for (Object[] l : lines) {
			BigDecimal amount = ((BigDecimal) l[2]).multiply((BigDecimal) l[4]).setScale(2, RoundingMode.HALF_EVEN);
			amounts.put(l, amount);
			subtotal = subtotal.add(amount);
		}
		BigDecimal tax = subtotal.multiply(taxRate).setScale(2, RoundingMode.HALF_EVEN);
		BigDecimal total = subtotal.add(tax);
		String number = prefix + String.format("%08d", 12345600 + (++this.invoiceSeq) + (int) (account * 1000));
		Instant paidAt = "PAID".equals(state)
				? due.minusDays(3).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant() : null;
		this.jdbc.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
				+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, paid_at, version) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", number, account, profile, Date.valueOf(invoiceDate),
				Date.valueOf(periodStart), Date.valueOf(periodEnd), Date.valueOf(due), subtotal, tax, total, currency,
				state, (paidAt != null) ? ts(paidAt) : null);
		long id = lastId("invoice");
		lines(id, amounts);
		if (paidAt != null && payer != null && card != null) {
			paidBy(id, number, account, card, payer, total, currency, paidAt);
		}
		return id;
	}

	private void lines(long id, Map<Object[], BigDecimal> amounts) {
		int no = 0;
		for (Map.Entry<Object[], BigDecimal> e : amounts.entrySet()) {
			Object[] l = e.getKey();
			this.jdbc.update("insert into invoice_line (invoice_id, line_no, service_name, description, quantity, unit, "
					+ "unit_price, amount) values (?, ?, ?, ?, ?, ?, ?, ?)", id, ++no, l[0], l[1], l[2], l[3], l[4],
					e.getValue());
		}
	}

	private void paidBy(long id, String number, long account, long card, long payer, BigDecimal total,
			String currency, Instant paidAt) {
		String ref = UUID.randomUUID().toString();
		this.jdbc.update("insert into payment (payment_ref, invoice_id, billing_account_id, card_id, actor_user_id, "
				+ "amount, currency, idempotency_key, status, gateway_reference, active_invoice_id, created_at, "
				+ "updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 'SUCCEEDED', ?, ?, ?, ?, 0)",
				ref, id, account, card, payer, total, currency,
				UUID.randomUUID().toString(), "ch_demo_" + number, id, ts(paidAt), ts(paidAt));
		paymentHistory(ref, account, payer, paidAt, "NEW -> PENDING; STARTED; invoice " + number,
				"PENDING -> SUCCEEDED; CHARGED; invoice " + number + " paid");
	}

	private void failedPayment(long invoice, long account, long card, long payer, String reason, String code) {
		Map<String, Object> inv = this.jdbc.queryForMap("select amount_due, currency, due_date from invoice where id = ?",
				invoice);
		Timestamp when = ts(this.now.minus(2, ChronoUnit.DAYS));
		String ref = UUID.randomUUID().toString();
		this.jdbc.update("insert into payment (payment_ref, invoice_id, billing_account_id, card_id, actor_user_id, "
				+ "amount, currency, idempotency_key, status, failure_reason, failure_message, created_at, updated_at, "
				+ "version) values (?, ?, ?, ?, ?, ?, ?, ?, 'FAILED', ?, ?, ?, ?, 0)", ref,
				invoice, account, card, payer, inv.values().toArray()[0], inv.values().toArray()[1],
				UUID.randomUUID().toString(), reason, code, when, when);
		paymentHistory(ref, account, payer, when.toInstant(), "NEW -> PENDING; STARTED",
				"PENDING -> FAILED; DECLINED; " + code);
	}

	/**
	 * The audit trail of a demo payment, in the shape the portal writes it; migration V6_1 copies
	 * it into the payment's history (payment_state_change), as it does for any payment made before V6.
	 */
	private void paymentHistory(String ref, long account, long payer, Instant when, String... details) {
		String email = this.jdbc.queryForObject("select email from app_user where id = ?", String.class, payer);
		for (String detail : details) {
			String to = detail.substring(detail.indexOf("-> ") + 3, detail.indexOf(';'));
			this.jdbc.update("insert into audit_event (occurred_at, actor_user_id, actor_email, action, object_type, "
					+ "object_id, billing_account_id, detail) values (?, ?, ?, ?, 'Payment', ?, ?, ?)", ts(when), payer,
					email, "PAYMENT_" + to, ref, account, detail);
		}
	}

	private long lastId(String table) {
		return this.jdbc.queryForObject("select max(id) from " + table, Long.class);
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
