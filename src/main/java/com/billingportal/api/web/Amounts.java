package com.billingportal.api.web;

import java.math.BigDecimal;
import java.util.Currency;

import org.springframework.http.HttpStatus;

/** Amounts of money as the API reads them: decimal strings with at most the currency's minor units. */
final class Amounts {

	private Amounts() {
	}

	static BigDecimal money(String field, String value, Currency currency) {
		BigDecimal amount = new BigDecimal(value);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		if (amount.scale() > digits) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, field,
					"has more decimals than " + currency.getCurrencyCode() + " has minor units (" + digits + ")");
		}
		return amount.setScale(digits);
	}

	/** {@link #money} that must be more than zero, as an amount to move (a refund) must be. */
	static BigDecimal positiveMoney(String field, String value, Currency currency) {
		BigDecimal amount = money(field, value, currency);
		if (amount.signum() <= 0) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, field, "must be more than zero");
		}
		return amount;
	}

}
