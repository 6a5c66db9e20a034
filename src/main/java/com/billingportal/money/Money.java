package com.billingportal.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, always rounded to the currency's minor units (cents, yen).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN);
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
	}

	public static Money of(BigDecimal amount, String currencyCode) {
		return new Money(amount, Currency.getInstance(currencyCode));
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public String currencyCode() {
		return this.currency.getCurrencyCode();
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(this.amount.multiply(factor), this.currency);
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	/** Amount in the currency's smallest unit, as payment processors take it. */
	public long minorUnitAmount() {
		return this.amount.movePointRight(minorUnits(this.currency)).longValueExact();
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"Cannot combine " + this.currency + " with " + other.currency);
		}
	}

	/** The currency's minor units: 2 for cents, 0 for yen. */
	public int minorUnits() {
		return minorUnits(this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	private static int minorUnits(Currency currency) {
		int digits = currency.getDefaultFractionDigits();
		return Math.max(digits, 0);
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + currencyCode();
	}

}
