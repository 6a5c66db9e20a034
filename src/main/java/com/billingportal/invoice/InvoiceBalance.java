package com.billingportal.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * What the open (Due or Processing) invoices of an account still owe in one currency, and how many
 * they are: kept by {@link InvoiceTotals}, read by the overview. Never written through JPA.
 */
@Entity
@Immutable
@Table(name = "invoice_balance")
@IdClass(InvoiceBalance.Key.class)
class InvoiceBalance {

	@Id
	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Id
	private String currency;

	private BigDecimal amount;

	/** Open invoices: the currency is shown while there are any, even when they owe nothing. */
	private int invoices;

	protected InvoiceBalance() {
	}

	static class Key implements Serializable {

		private Long billingAccountId;

		private String currency;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key k && Objects.equals(this.billingAccountId, k.billingAccountId)
					&& Objects.equals(this.currency, k.currency);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.billingAccountId, this.currency);
		}

	}

}
