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

}
