package com.billingportal.invoice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.invoice.Invoice.InvoiceDates;
import com.billingportal.money.Money;
import com.billingportal.portal.NotFoundException;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices issued by a billing system through the API. Idempotent by invoice number: the same
 * request again answers the invoice it made; a different request under a number already used is
 * refused ({@link NumberTaken}). The request is compared by the SHA-256 of its canonical form,
 * kept with the invoice.
 */
@Service
public class InvoiceIntake {

	private final InvoiceRepository invoices;

	private final InvoiceLineRepository lines;

	private final BillingProfileService profiles;

	private final AuditService audit;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	InvoiceIntake(InvoiceRepository invoices, InvoiceLineRepository lines, BillingProfileService profiles,
			AuditService audit, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.invoices = invoices;
		this.lines = lines;
		this.profiles = profiles;
		this.audit = audit;
		this.clock = clock;
	}

	/** Issues the invoice, or answers the one this very request issued before. */
	@Transactional
	public Issued issue(IssueInvoice request, Actor actor) {
		String digest = request.digest();
		Optional<Invoice> existing = this.invoices.findByNumber(request.number());
		if (existing.isPresent()) {
			Invoice earlier = existing.get();
			if (earlier.billingAccountId() != request.accountId() || !digest.equals(earlier.intakeDigest())) {
				throw new NumberTaken(request.number());
			}
			return new Issued(earlier, false);
		}
		BillingProfile profile = profileOf(request);
		if (!profile.currency().getCurrencyCode().equals(request.currency())) {
			throw new Refused("currency", "must be the billing profile's currency, " + profile.currency());
		}
		Money subtotal = request.lines()
			.stream()
			.map((line) -> Money.of(line.amount(), request.currency()))
			.reduce(Money.of(BigDecimal.ZERO, request.currency()), Money::plus);
		Invoice invoice = this.invoices.saveAndFlush(new Invoice(request.number(), request.accountId(), profile.id(),
				request.dates(), subtotal, Money.of(request.tax(), request.currency()), digest));
		int lineNo = 1;
		for (Line line : request.lines()) {
			this.lines.save(new InvoiceLine(invoice.id(), lineNo++, line.service(), line.description(), line.quantity(),
					line.unit(), line.unitPrice(), line.amount()));
		}
		this.audit.record(actor, "INVOICE_ISSUED", "Invoice", invoice.number(), request.accountId(),
				invoice.amountDue().toString());
		// Announced at once rather than by InvoiceAnnouncements' next pass: emails and webhooks follow.
		if (this.invoices.claimIssueAnnouncement(invoice.id(), this.clock.instant()) == 1) {
			this.events.publishEvent(new InvoiceIssued(java.util.UUID.randomUUID(), invoice.id(),
					invoice.billingAccountId(), invoice.number()));
		}
		return new Issued(invoice, true);
	}

	/** Voids a due invoice of the account (again: no change); one being paid or paid is refused. */
	@Transactional
	public Invoice voidInvoice(long accountId, String number, Actor actor) {
		Invoice invoice = this.invoices.lockByNumber(number, accountId).orElseThrow(() -> new NotFoundException("Invoice"));
		InvoiceStatus status = invoice.status(LocalDate.now(this.clock));
		if (status == InvoiceStatus.VOID) {
			return invoice;
		}
		if (status != InvoiceStatus.DUE && status != InvoiceStatus.PAST_DUE) {
			throw new NotVoidable(number, status);
		}
		invoice.voidInvoice();
		this.audit.record(actor, "INVOICE_VOIDED", "Invoice", number, accountId, null);
		return invoice;
	}

	private BillingProfile profileOf(IssueInvoice request) {
		try {
			return this.profiles.profile(request.accountId(), request.billingProfileId());
		}
		catch (NotFoundException ex) {
			throw new Refused("billingProfileId", "is not a billing profile of this account");
		}
	}

	/** What a billing system sends to issue an invoice; amounts already checked against the currency. */
	public record IssueInvoice(String number, long accountId, long billingProfileId, InvoiceDates dates,
			String currency, BigDecimal tax, List<Line> lines) {

		String digest() {
			StringBuilder canonical = new StringBuilder().append(this.number)
				.append('|')
				.append(this.accountId)
				.append('|')
				.append(this.billingProfileId)
				.append('|')
				.append(this.dates)
				.append('|')
				.append(this.currency)
				.append('|')
				.append(plain(this.tax));
			for (Line line : this.lines) {
				canonical.append("|[").append(line.service()).append('\u001f').append(line.description())
					.append('\u001f').append(plain(line.quantity())).append('\u001f').append(line.unit())
					.append('\u001f').append(plain(line.unitPrice())).append('\u001f').append(plain(line.amount()))
					.append(']');
			}
			return sha256(canonical.toString());
		}

		private static String plain(BigDecimal value) {
			return value.stripTrailingZeros().toPlainString();
		}

	}

	public record Line(String service, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
			BigDecimal amount) {
	}

	/** The invoice, and whether this request created it (false: the same request came before). */
	public record Issued(Invoice invoice, boolean created) {
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Another invoice, or another request, already has this number. */
	public static class NumberTaken extends RuntimeException {

		public NumberTaken(String number) {
			super("Invoice number " + number + " is already used by a different invoice");
		}

	}

	/** A field of the request that cannot be issued as it is. */
	public static class Refused extends RuntimeException {

		private final String field;

		public Refused(String field, String reason) {
			super(reason);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

	/** Paid, or being paid: not voidable. */
	public static class NotVoidable extends RuntimeException {

		public NotVoidable(String number, InvoiceStatus status) {
			super("Invoice " + number + " is " + status + " and cannot be voided");
		}

	}

}
