package com.billingportal.autopay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.InvoiceStatus;
import com.billingportal.invoice.Payability;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentRefusedException;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges the default card for invoices of billing profiles with automatic payment on, through
 * {@link PaymentService} as the system (the payment's history and the audit trail say "system").
 * A declined attempt is retried {@code billing.autopay.retries} after the first one; after the
 * last decline the invoice stays due and {@link AutopayGaveUp} is published (an email, and the
 * overview's banner). An invoice no longer payable (paid with Pay now between retries) ends its
 * retries. Safe on several nodes: each attempt is claimed by a conditional update
 * ({@link AutopayInvoiceRepository#claim}) and made with its own idempotency key, derived from the
 * invoice and the attempt's number, so an attempt made again after a node stopped is never charged
 * twice; the payment service's row lock and unique live payment back this up.
 */
@Component
public class AutomaticPayments {

	private static final Logger log = LoggerFactory.getLogger(AutomaticPayments.class);

	private static final java.util.Set<InvoiceStatus> UNPAID = java.util.EnumSet.of(InvoiceStatus.DUE,
			InvoiceStatus.PAST_DUE, InvoiceStatus.PARTIALLY_PAID);

	private final AutopayInvoiceRepository rows;

	private final PaymentService payments;

	private final InvoiceService invoices;

	private final BillingProfileService profiles;

	private final BillingAccountService accounts;

	private final ApplicationEventPublisher events;

	private final AutopayProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	/** The invoices whose automatic payment gave up; the outcome a literal, an {@link AutopayOutcome} name. */
	private static final String GAVE_UP = """
			select invoice_id from autopay_invoice where billing_account_id = ? and outcome = 'GAVE_UP'
			order by invoice_id""";

	AutomaticPayments(AutopayInvoiceRepository rows, PaymentService payments, InvoiceService invoices,
			BillingProfileService profiles, BillingAccountService accounts, ApplicationEventPublisher events,
			AutopayProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			JdbcTemplate jdbc) {
		this.rows = rows;
		this.payments = payments;
		this.invoices = invoices;
		this.profiles = profiles;
		this.accounts = accounts;
		this.events = events;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Enrols a newly issued invoice when its profile has automatic payment on and a default card:
	 * its first attempt is due at once. Enrolling it again does nothing.
	 */
	public boolean enrol(long accountId, String invoiceNumber) {
		Invoice invoice = this.invoices.invoice(accountId, invoiceNumber);
		BillingProfile profile = this.profiles.profile(accountId, invoice.billingProfileId());
		if (!profile.autopay() || profile.defaultCardId() == null) {
			return false;
		}
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			if (this.rows.existsByInvoiceId(invoice.id())) {
				return false;
			}
			this.rows.save(new AutopayInvoice(invoice.id(), accountId, this.clock.instant()));
			return true;
		}));
	}

	@Scheduled(fixedDelayString = "${billing.autopay.interval:5m}",
			initialDelayString = "${billing.autopay.initial-delay:1m}")
	public void runScheduled() {
		runDue();
	}

	/** One pass over the attempts that are due; returns how many this node made. */
	public int runDue() {
		Instant now = this.clock.instant();
		int made = 0;
		for (Long id : this.rows.findDue(now, PageRequest.ofSize(this.properties.batch()))) {
			try {
				made += attempt(id, now) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Automatic payment {} failed: {}", id, ex.toString());
			}
		}
		return made;
	}

	/** Claims the row's due attempt and makes it; false when another node has it or nothing is due. */
	private boolean attempt(long id, Instant now) {
		AutopayInvoice row = this.rows.findById(id).orElse(null);
		if (row == null || row.outcome() != AutopayOutcome.WAITING || row.nextAttemptAt().isAfter(now)) {
			return false;
		}
		Instant seen = row.nextAttemptAt();
		boolean won = Boolean.TRUE
			.equals(this.tx.execute((status) -> this.rows.claim(id, seen, now.plus(this.properties.lease())) == 1));
		if (!won) {
			return false;
		}
		AccountAccess admin = this.accounts.adminAccess(row.billingAccountId());
		Invoice invoice = this.invoices.invoicesOf(row.billingAccountId(), List.of(row.invoiceId())).get(0);
		BillingProfile profile = this.profiles.profile(row.billingAccountId(), invoice.billingProfileId());
		Payability payability = this.invoices.payability(admin, invoice);
		if (payability.isInProgress()) {
			return false; // a payment is in flight: the claim's lease ends, then the invoice is looked at again
		}
		if (!payability.isPayNow() || !profile.autopay() || profile.defaultCardId() == null) {
			finish(row, row.attempts(), AutopayOutcome.CANCELLED, payability.verdict().name());
			return false;
		}
		charge(row, admin, invoice, profile.defaultCardId(), now);
		return true;
	}

	private void charge(AutopayInvoice row, AccountAccess admin, Invoice invoice, long cardId, Instant now) {
		int attempt = row.attempts() + 1;
		Instant first = (row.firstAttemptAt() != null) ? row.firstAttemptAt() : now;
		String key = UUID.nameUUIDFromBytes(("autopay:" + invoice.id() + ":" + attempt).getBytes(StandardCharsets.UTF_8))
			.toString();
		String reason;
		try {
			Payment payment = this.payments.pay(admin, Actor.SYSTEM, invoice.number(), key, cardId, null);
			if (payment.status() == PaymentStatus.SUCCEEDED) {
				finish(row, attempt, AutopayOutcome.PAID, null);
				return;
			}
			reason = (payment.declineCode() != null) ? payment.declineCode()
					: (payment.failureReason() != null) ? payment.failureReason().name() : payment.status().name();
		}
		catch (PaymentRefusedException ex) {
			reason = ex.messageKey();
		}
		declined(row, invoice, attempt, first, reason);
	}

	/** Schedules the next retry, or gives up after the last one and tells the admin. */
	private void declined(AutopayInvoice row, Invoice invoice, int attempt, Instant first, String reason) {
		List<java.time.Duration> retries = this.properties.retries();
		if (attempt <= retries.size()) {
			Instant next = first.plus(retries.get(attempt - 1));
			this.tx.executeWithoutResult((status) -> this.rows.record(row.id(), attempt, first, next,
					AutopayOutcome.WAITING, reason));
			log.info("Automatic payment of invoice {} declined ({}), retry at {}", invoice.number(), reason, next);
			return;
		}
		this.tx.executeWithoutResult((status) -> {
			this.rows.record(row.id(), attempt, first, null, AutopayOutcome.GAVE_UP, reason);
			this.events.publishEvent(new AutopayGaveUp(UUID.randomUUID(), invoice.id(), row.billingAccountId(),
					invoice.number(), attempt, reason));
		});
		log.info("Automatic payment of invoice {} gave up after {} attempts", invoice.number(), attempt);
	}

	private void finish(AutopayInvoice row, int attempts, AutopayOutcome outcome, String reason) {
		this.tx.executeWithoutResult((status) -> this.rows.record(row.id(), attempts, row.firstAttemptAt(), null,
				outcome, reason));
	}

	/** Invoices of the account whose automatic payment gave up and that are still unpaid, for the banner. */
	public List<String> gaveUpUnpaid(long accountId) {
		// Plain SQL outside a transaction: the overview asks on every view, and nearly always for none.
		List<Long> ids = this.jdbc.queryForList(GAVE_UP, Long.class, accountId);
		if (ids.isEmpty()) {
			return List.of();
		}
		java.time.LocalDate today = this.invoices.today();
		return this.invoices.invoicesOf(accountId, ids)
			.stream()
			.filter((i) -> UNPAID.contains(i.status(today)))
			.map(Invoice::number)
			.toList();
	}

}
