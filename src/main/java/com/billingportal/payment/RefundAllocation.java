package com.billingportal.payment;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The part of a refund that gives back to one invoice of the payment: decided when the refund is
 * asked for, applied to the invoice when the refund succeeds.
 */
@Entity
@Table(name = "refund_allocation")
class RefundAllocation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "refund_id")
	private Long refundId;

	@Column(name = "invoice_id")
	private Long invoiceId;

	private BigDecimal amount;

	protected RefundAllocation() {
	}

	RefundAllocation(long refundId, long invoiceId, BigDecimal amount) {
		this.refundId = refundId;
		this.invoiceId = invoiceId;
		this.amount = amount;
	}

	long refundId() {
		return this.refundId;
	}

	long invoiceId() {
		return this.invoiceId;
	}

	BigDecimal amount() {
		return this.amount;
	}

}
