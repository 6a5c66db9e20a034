package com.billingportal.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.BooleanSupplier;

import com.billingportal.money.Money;

/**
 * The rule of "Pay another amount": a part of the balance, at least the minimum (a share of the
 * balance, rounded up to the currency's minor units, never more than the balance), at most the
 * balance and the card limit, in the currency's minor units (cents; none for yen).
 *
 * @param minimumPercent the minimum part, in percent of the balance ({@code billing.invoices.part-minimum-percent})
 */
public record PartPayment(BigDecimal minimumPercent) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * Whether a part of the invoice may be paid at all ("Pay another amount"): when it is above the
	 * card limit, after a declined payment of it, or once a part is paid (a later part). An ordinary
	 * due invoice is paid in full. The blade asks it to offer the field, the payment to accept a part.
	 * @param declined whether the bank or card declined a payment of the invoice (declined, card
	 * expired, incorrect card details; not a verification that failed or timed out, nor a charge the
	 * reconciler cancelled); asked only when nothing else answers
	 */
	public boolean isOffered(Payability payability, Invoice invoice, BooleanSupplier declined) {
		if (payability.isWireOnly()) {
			return true;
		}
		return payability.isPayNow() && (invoice.isPartiallyPaid() || declined.getAsBoolean());
	}

	/** The least part that may be paid of this balance. */
	public Money minimum(Money balance) {
		BigDecimal share = balance.amount()
			.multiply(this.minimumPercent)
			.divide(HUNDRED, balance.minorUnits(), RoundingMode.CEILING);
		Money minimum = new Money(share, balance.currency());
		return minimum.isGreaterThan(balance) ? balance : minimum;
	}

	/**
	 * Why this part of the balance cannot be paid by card (a message key), or null when it can.
	 * @param amount as typed, not rounded: an amount finer than the currency's minor units is refused
	 */
	public String refusalKey(Money balance, BigDecimal amount, Money cardLimit) {
		if (amount == null || amount.signum() <= 0) {
			return "pay.part.invalid";
		}
		if (amount.stripTrailingZeros().scale() > balance.minorUnits()) {
			return "pay.part.tooPrecise";
		}
		Money part = new Money(amount, balance.currency());
		if (part.compareTo(minimum(balance)) < 0) {
			return "pay.part.belowMinimum";
		}
		if (part.isGreaterThan(balance)) {
			return "pay.part.aboveBalance";
		}
		if (part.isGreaterThan(cardLimit)) {
			return "pay.part.aboveCardLimit";
		}
		return null;
	}

}
