package com.billingportal.money;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats money for people: digits grouped as the reader's locale does, the symbol of the
 * money's own currency (an invoice in euros shows € to every reader).
 */
@Component("money")
public class MoneyFormat {

	public String format(Money money) {
		return format(money, LocaleContextHolder.getLocale());
	}

	public String format(Money money, Locale locale) {
		if (money == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(money.currency());
		if (format instanceof DecimalFormat decimal) {
			DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
			symbols.setCurrencySymbol(symbolOf(money));
			decimal.setDecimalFormatSymbols(symbols);
		}
		format.setMinimumFractionDigits(money.amount().scale());
		format.setMaximumFractionDigits(money.amount().scale());
		return format.format(money.amount());
	}

	/** The symbol people expect for the currency, whatever the reader's locale. */
	static String symbolOf(Money money) {
		return switch (money.currencyCode()) {
			case "USD" -> "$";
			case "EUR" -> "€";
			case "GBP" -> "£";
			case "JPY", "CNY" -> "¥";
			default -> money.currencyCode() + " ";
		};
	}

}
