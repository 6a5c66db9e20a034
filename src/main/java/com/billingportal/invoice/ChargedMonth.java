package com.billingportal.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * What an account was invoiced (Void aside) in one currency and month, and by how many invoices:
 * kept by {@link InvoiceTotals}, read by the overview's charges by month. Never written through JPA.
 */
@Entity
@Immutable
@Table(name = "monthly_charges")
@IdClass(ChargedMonth.Key.class)
class ChargedMonth {

	@Id
	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Id
	private String currency;

	/** The first day of the month. */
	@Id
	@Column(name = "month_start")
	private LocalDate monthStart;

	private BigDecimal amount;

	private int invoices;

	protected ChargedMonth() {
	}

	static class Key implements Serializable {

		private Long billingAccountId;

		private String currency;

		private LocalDate monthStart;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key k && Objects.equals(this.billingAccountId, k.billingAccountId)
					&& Objects.equals(this.currency, k.currency) && Objects.equals(this.monthStart, k.monthStart);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.billingAccountId, this.currency, this.monthStart);
		}

	}

}
