package com.billingportal.payment;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The part of a payment that pays one invoice. A payment of several invoices has one row per
 * invoice; a payment of one invoice has one row. While the payment is live or has succeeded,
 * {@code active_invoice_id} (unique) holds the invoice: no invoice is ever in two live payments.
 */
@Entity
@Table(name = "payment_allocation")
class PaymentAllocation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "payment_id")
	private Long paymentId;

	@Column(name = "invoice_id")
	private Long invoiceId;

	private BigDecimal amount;

	@Column(name = "active_invoice_id")
	private Long activeInvoiceId;

	/** What refunds that went through gave back of this part; never more than the part. */
	@Column(name = "amount_refunded")
	private BigDecimal amountRefunded = BigDecimal.ZERO;

	protected PaymentAllocation() {
	}

	PaymentAllocation(long paymentId, long invoiceId, BigDecimal amount) {
		this.paymentId = paymentId;
		this.invoiceId = invoiceId;
		this.amount = amount;
		this.activeInvoiceId = invoiceId;
	}

	long paymentId() {
		return this.paymentId;
	}

	long invoiceId() {
		return this.invoiceId;
	}

	BigDecimal amount() {
		return this.amount;
	}

	BigDecimal amountRefunded() {
		return this.amountRefunded;
	}

	/** A refund gave back {@code part} of what this payment paid to the invoice. */
	void refunded(BigDecimal part) {
		if (part.signum() <= 0 || this.amountRefunded.add(part).compareTo(this.amount) > 0) {
			throw new IllegalStateException("Allocation " + this.id + ": cannot refund " + part);
		}
		this.amountRefunded = this.amountRefunded.add(part);
	}

	/** The invoice is payable again: this payment no longer holds it. */
	void release() {
		this.activeInvoiceId = null;
	}

}
