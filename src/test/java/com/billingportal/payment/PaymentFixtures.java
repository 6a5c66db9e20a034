package com.billingportal.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.NewCardForm;

import org.springframework.jdbc.core.JdbcTemplate;

/** Invoices, cards and counts for payment tests, read from and written to the demo database. */
public class PaymentFixtures {

	public static final String CONTOSO_ADMIN = "admin@contoso.com";

	private final JdbcTemplate jdbc;

	private final BillingAccountService accounts;

	public PaymentFixtures(JdbcTemplate jdbc, BillingAccountService accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public long userId(String email) {
		return this.jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
	}

	public long contosoId() {
		return this.jdbc.queryForObject("select id from billing_account where name = 'Contoso Ltd'", Long.class);
	}

	public AccountAccess adminAccess() {
		return this.accounts.access(userId(CONTOSO_ADMIN), contosoId());
	}

	public Actor admin() {
		return new Actor(userId(CONTOSO_ADMIN), CONTOSO_ADMIN);
	}

	/** Contoso's saved Visa •••• 4242, which the sandbox charges successfully. */
	public long visa() {
		return this.jdbc.queryForObject(
				"select id from credit_card where billing_account_id = ? and last_four = '4242' and status = 'ACTIVE'",
				Long.class, contosoId());
	}

	/** A new due invoice of Contoso's first billing profile, so that every test pays its own. */
	public String newDueInvoice() {
		long account = contosoId();
		long profile = this.jdbc.queryForObject(
				"select min(id) from billing_profile where billing_account_id = ?", Long.class, account);
		String number = "T" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		LocalDate today = LocalDate.now();
		this.jdbc.update("insert into invoice (invoice_number, billing_account_id, billing_profile_id, invoice_date, "
				+ "period_start, period_end, due_date, subtotal, tax, amount_due, currency, status, version) "
				+ "values (?, ?, ?, ?, ?, ?, ?, 100.00, 6.00, 106.00, 'USD', 'DUE', 0)", number, account, profile,
				Date.valueOf(today), Date.valueOf(today.minusMonths(1)), Date.valueOf(today.minusDays(1)),
				Date.valueOf(today.plusDays(30)));
		return number;
	}

	public String invoiceStatus(String number) {
		return this.jdbc.queryForObject("select status from invoice where invoice_number = ?", String.class, number);
	}

	/** Charges the sandbox made (money moved) for payments of this invoice. */
	public int sandboxCharges(String number) {
		return this.jdbc.queryForObject("""
				select count(*) from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key
				join invoice i on i.id = p.invoice_id where i.invoice_number = ? and c.status = 'SUCCEEDED'""",
				Integer.class, number);
	}

	/** Every row the sandbox keeps for payments of this invoice, whatever their outcome. */
	public int sandboxRows(String number) {
		return this.jdbc.queryForObject("""
				select count(*) from sandbox_charge c join payment p on p.payment_ref = c.idempotency_key
				join invoice i on i.id = p.invoice_id where i.invoice_number = ?""", Integer.class, number);
	}

	public int payments(String number, PaymentStatus status) {
		return this.jdbc.queryForObject("""
				select count(*) from payment p join invoice i on i.id = p.invoice_id
				where i.invoice_number = ? and p.status = ?""", Integer.class, number, status.name());
	}

	/** The state changes of one payment, oldest first, as "FROM -> TO; REASON[; detail]". */
	public java.util.List<String> history(String paymentReference) {
		return this.jdbc.query("select from_status, to_status, reason, detail from payment_state_change"
				+ " where payment_ref = ? order by id", (row, i) -> row.getString(1) + " -> " + row.getString(2) + "; "
						+ row.getString(3) + ((row.getString(4) != null) ? "; " + row.getString(4) : ""),
				paymentReference);
	}

	public static NewCardForm newCard(String number) {
		return new NewCardForm("Avery Chen", number, "12", String.valueOf(LocalDate.now().getYear() + 2), "123",
				"US", "98052", false);
	}

	public static BigDecimal amount() {
		return new BigDecimal("106.00");
	}

}
