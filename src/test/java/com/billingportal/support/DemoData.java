package com.billingportal.support;

import java.util.List;

import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the demo data as a test needs it: sign-ins, invoice numbers by state, counts. */
@Component
public class DemoData {

	public static final long CONTOSO = 1;

	public static final long FABRIKAM = 2;

	public static final long NORTHWIND = 3;

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

	public int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	public List<String> auditActions(String objectType) {
		return this.jdbc.queryForList("select action from audit_event where object_type = ? order by id", String.class,
				objectType);
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

}
