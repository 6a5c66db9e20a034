package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.billingportal.money.Money;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "invoice")
public class Invoice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "invoice_number")
	private String number;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Column(name = "billing_profile_id")
	private Long billingProfileId;

	@Column(name = "invoice_date")
	private LocalDate invoiceDate;

	@Column(name = "period_start")
	private LocalDate periodStart;

	@Column(name = "period_end")
	private LocalDate periodEnd;

	@Column(name = "due_date")
	private LocalDate dueDate;

	private BigDecimal subtotal;

	private BigDecimal tax;

	@Column(name = "amount_due")
	private BigDecimal amountDue;

	/**
	 * What is paid of the amount due: the parts paid so far ("Pay another amount"), all of it once
	 * Paid, less what was refunded since. The balance due is the rest.
	 */
	@Column(name = "amount_paid")
	private BigDecimal amountPaid = BigDecimal.ZERO;

	private String currency;

	/** Stored: DUE, PROCESSING, PAID or VOID. PAST_DUE is derived, see {@link #status(LocalDate)}. */
	@Enumerated(EnumType.STRING)
	private InvoiceStatus status;

	@Column(name = "paid_at")
	private Instant paidAt;

	/** SHA-256 of the API request that issued it ({@link InvoiceIntake}); null for any other invoice. */
	@Column(name = "intake_digest")
	private String intakeDigest;

	/** When "invoice issued" was announced (InvoiceAnnouncements); set once. */
	@Column(name = "issue_announced_at")
	private Instant issueAnnouncedAt;

	/** When "invoice past due" was announced; set once. */
	@Column(name = "past_due_announced_at")
	private Instant pastDueAnnouncedAt;

	@Version
	private long version;

	protected Invoice() {
	}

	/** A new invoice, Due, issued through the API with the digest of its request. */
	Invoice(String number, long billingAccountId, long billingProfileId, InvoiceDates dates, Money subtotal,
			Money tax, String intakeDigest) {
		this.number = number;
		this.billingAccountId = billingAccountId;
		this.billingProfileId = billingProfileId;
		this.invoiceDate = dates.invoiceDate();
		this.periodStart = dates.periodStart();
		this.periodEnd = dates.periodEnd();
		this.dueDate = dates.dueDate();
		this.subtotal = subtotal.amount();
		this.tax = tax.amount();
		this.amountDue = subtotal.amount().add(tax.amount());
		this.currency = subtotal.currencyCode();
		this.status = InvoiceStatus.DUE;
		this.intakeDigest = intakeDigest;
	}

	/**
	 * An invoice as a plain SQL statement read it ({@link InvoiceDocumentQuery}), every column, for
	 * showing. Not managed by JPA: calling its methods saves nothing, and passing it to a repository's
	 * {@code save} would merge what was read, however old. To change it, read it again under its row
	 * lock with {@link InvoiceService#lockForPayment}.
	 */
	static Invoice detached(long id, String number, long billingAccountId, long billingProfileId, InvoiceDates dates,
			BigDecimal subtotal, BigDecimal tax, BigDecimal amountDue, BigDecimal amountPaid, String currency,
			InvoiceStatus status, Instant paidAt, String intakeDigest, Instant issueAnnouncedAt,
			Instant pastDueAnnouncedAt, long version) {
		Invoice invoice = new Invoice();
		invoice.id = id;
		invoice.number = number;
		invoice.billingAccountId = billingAccountId;
		invoice.billingProfileId = billingProfileId;
		invoice.invoiceDate = dates.invoiceDate();
		invoice.periodStart = dates.periodStart();
		invoice.periodEnd = dates.periodEnd();
		invoice.dueDate = dates.dueDate();
		invoice.subtotal = subtotal;
		invoice.tax = tax;
		invoice.amountDue = amountDue;
		invoice.amountPaid = amountPaid;
		invoice.currency = currency;
		invoice.status = status;
		invoice.paidAt = paidAt;
		invoice.intakeDigest = intakeDigest;
		invoice.issueAnnouncedAt = issueAnnouncedAt;
		invoice.pastDueAnnouncedAt = pastDueAnnouncedAt;
		invoice.version = version;
		return invoice;
	}

	/** The dates of an invoice: issued on, billing period, due on. */
	public record InvoiceDates(LocalDate invoiceDate, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate) {
	}

	String intakeDigest() {
		return this.intakeDigest;
	}

	public Long id() {
		return this.id;
	}

	public String number() {
		return this.number;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public long billingProfileId() {
		return this.billingProfileId;
	}

	public LocalDate invoiceDate() {
		return this.invoiceDate;
	}

	public LocalDate periodStart() {
		return this.periodStart;
	}

	public LocalDate periodEnd() {
		return this.periodEnd;
	}

	public LocalDate dueDate() {
		return this.dueDate;
	}

	public Money subtotal() {
		return Money.of(this.subtotal, this.currency);
	}

	public Money tax() {
		return Money.of(this.tax, this.currency);
	}

	public Money amountDue() {
		return Money.of(this.amountDue, this.currency);
	}

	public Money amountPaid() {
		return Money.of(this.amountPaid, this.currency);
	}

	/** What is left to pay: the amount due less the parts paid. */
	public Money balanceDue() {
		return amountDue().minus(amountPaid());
	}

	public boolean isPartiallyPaid() {
		return this.amountPaid.signum() > 0 && this.status != InvoiceStatus.PAID;
	}

	public Instant paidAt() {
		return this.paidAt;
	}

	public InvoiceStatus status(LocalDate today) {
		return derive(this.status, this.dueDate, today, this.amountPaid);
	}

	static InvoiceStatus derive(InvoiceStatus stored, LocalDate dueDate, LocalDate today) {
		return derive(stored, dueDate, today, BigDecimal.ZERO);
	}

	/** Partially paid says more than Past due: the balance is shown beside it. */
	static InvoiceStatus derive(InvoiceStatus stored, LocalDate dueDate, LocalDate today, BigDecimal amountPaid) {
		if (stored == InvoiceStatus.DUE && amountPaid.signum() > 0) {
			return InvoiceStatus.PARTIALLY_PAID;
		}
		return (stored == InvoiceStatus.DUE && dueDate.isBefore(today)) ? InvoiceStatus.PAST_DUE : stored;
	}

	/** Within what a card may be charged; above it the invoice is paid by wire transfer. */
	public boolean isWithinCardLimit(BigDecimal cardLimit) {
		return isWithinCardLimit(balanceDue().amount(), cardLimit);
	}

	/** The card limit's rule, for an amount read without its invoice (a row of the list). */
	static boolean isWithinCardLimit(BigDecimal amountDue, BigDecimal cardLimit) {
		return amountDue.compareTo(cardLimit) <= 0;
	}

	/**
	 * A payment is now in flight: nobody may start another until its outcome is known. Whether it
	 * may start is {@link Payability}'s question; this only guards the state change.
	 */
	public void startPayment() {
		if (this.status != InvoiceStatus.DUE) {
			throw new IllegalStateException("Invoice " + this.number + " is " + this.status + ", not due");
		}
		this.status = InvoiceStatus.PROCESSING;
	}

	/**
	 * A payment of {@code part} succeeded: the invoice is Paid once nothing is left to pay, and due
	 * again (partially paid) otherwise.
	 */
	public void applyPayment(Money part, Instant when) {
		if (this.status != InvoiceStatus.PROCESSING && this.status != InvoiceStatus.DUE) {
			throw new IllegalStateException("Invoice " + this.number + " is " + this.status + ", cannot be paid");
		}
		this.amountPaid = amountPaid().plus(part).amount();
		if (balanceDue().isPositive()) {
			this.status = InvoiceStatus.DUE;
		}
		else {
			this.status = InvoiceStatus.PAID;
			this.paidAt = when;
		}
	}

	/**
	 * Part of what was paid has been given back: the balance grows by it, and a Paid invoice is Due
	 * again for that balance.
	 */
	public void refunded(Money amount) {
		BigDecimal paid = this.amountPaid.subtract(amount.amount());
		if (paid.signum() < 0 || !amount.currencyCode().equals(this.currency)) {
			throw new IllegalStateException("Invoice " + this.number + ": cannot refund " + amount + " of "
					+ amountPaid());
		}
		this.amountPaid = paid;
		if (this.status == InvoiceStatus.PAID && balanceDue().isPositive()) {
			this.status = InvoiceStatus.DUE;
			this.paidAt = null;
		}
	}

	/** Voided by the billing system: nothing is owed. Only a due invoice may be voided. */
	public void voidInvoice() {
		if (this.status != InvoiceStatus.DUE && this.status != InvoiceStatus.VOID) {
			throw new IllegalStateException("Invoice " + this.number + " is " + this.status + ", cannot be voided");
		}
		this.status = InvoiceStatus.VOID;
	}

	/** The payment in flight failed: the invoice is payable again. */
	public void paymentFailed() {
		if (this.status == InvoiceStatus.PROCESSING) {
			this.status = InvoiceStatus.DUE;
		}
	}

}
