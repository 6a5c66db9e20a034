package com.billingportal.invoice;

import java.time.LocalDate;
import java.util.List;

import com.billingportal.portal.Choice;

/**
 * The invoices list's filters, as the user chose them: billing profile, status, time span. Any may
 * be null ("all").
 */
public record InvoiceFilter(Long profile, InvoiceStatus status, TimeSpan span) {

	public enum TimeSpan {

		LAST_3_MONTHS(3), LAST_6_MONTHS(6), LAST_12_MONTHS(12), ALL(0);

		/** The options of the Invoices' and the Payments' filters. */
		public static final List<Choice> CHOICES = Choice.of(values(), TimeSpan::messageKey);

		private final int months;

		TimeSpan(int months) {
			this.months = months;
		}

		/** The first day inside the span, or null for all time. */
		public LocalDate since(LocalDate today) {
			return this.months == 0 ? null : today.minusMonths(this.months);
		}

		public String messageKey() {
			return "invoices.span." + name();
		}

	}

	public static InvoiceFilter all() {
		return new InvoiceFilter(null, null, TimeSpan.ALL);
	}

	public TimeSpan spanOrAll() {
		return this.span == null ? TimeSpan.ALL : this.span;
	}

}
