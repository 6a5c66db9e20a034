package com.billingportal.payment;

import java.math.BigDecimal;
import java.time.Instant;

import com.billingportal.card.CardBrand;
import com.billingportal.money.Money;

/** One row of the Payments page, read in one query with its invoice number and card. */
public record PaymentRow(String reference, Instant createdAt, String invoiceNumber, Money amount, CardBrand cardBrand,
		String cardLastFour, PaymentStatus status, FailureReason failureReason, String declineCode,
		boolean requiresAction, Money refunded) {

	public PaymentRow(String reference, Instant createdAt, String invoiceNumber, BigDecimal amount, String currency,
			CardBrand cardBrand, String cardLastFour, PaymentStatus status, FailureReason failureReason,
			String declineCode, boolean requiresAction, BigDecimal refunded) {
		this(reference, createdAt, invoiceNumber, Money.of(amount, currency), cardBrand, cardLastFour, status,
				failureReason, declineCode, requiresAction, Money.of(refunded, currency));
	}

	/** Refunded, partially refunded, or null: nothing given back. */
	public RefundState refundState() {
		if (!this.refunded.isPositive()) {
			return null;
		}
		return this.refunded.compareTo(this.amount) >= 0 ? RefundState.REFUNDED : RefundState.PARTIALLY_REFUNDED;
	}

	/** The card as the payer knows it: brand •••• last four. */
	public String card() {
		return this.cardBrand.displayName() + " •••• " + this.cardLastFour;
	}

	/**
	 * The message key of the reason shown beside the status: the failure in words, or what an open
	 * payment waits for; null for a payment that succeeded.
	 */
	public String reasonKey() {
		return switch (this.status) {
			case FAILED -> (this.failureReason != null) ? this.failureReason.messageKey() : FailureReason.OTHER.messageKey();
			case UNKNOWN -> "payments.reason.unknown";
			case PENDING -> isAwaitingVerification() ? "payments.reason.verification" : "payments.reason.pending";
			case SUCCEEDED -> null;
		};
	}

	/** The bank asks the payer to verify (3-D Secure), and nobody has answered yet. */
	public boolean isAwaitingVerification() {
		return PaymentStates.State.of(this.status, this.requiresAction) == PaymentStates.State.AWAITING_VERIFICATION;
	}

	/** Only a payment that succeeded has a receipt. */
	public boolean hasReceipt() {
		return this.status == PaymentStatus.SUCCEEDED;
	}

	/** The decline code's own message key (e.g. insufficient funds), more precise than the reason's. */
	public String declineKey() {
		return (this.status == PaymentStatus.FAILED && this.declineCode != null) ? "payment.decline." + this.declineCode
				: null;
	}

}
