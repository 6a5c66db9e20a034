package com.billingportal.money;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats money for people: digits grouped as the reader's locale does, the symbol of the
 * money's own currency (an invoice in euros shows € to every reader). A format is made once per
 * locale, currency and number of decimals, and copied for each use (a format is not thread-safe;
 * making one anew reads the locale's data every time).
 */
@Component("money")
public class MoneyFormat {

	/** Locales, currencies and scales are few; a bound all the same. */
	private static final int MAX_FORMATS = 500;

	private final Map<String, NumberFormat> formats = new ConcurrentHashMap<>();

	public String format(Money money) {
		return format(money, LocaleContextHolder.getLocale());
	}

	public String format(Money money, Locale locale) {
		if (money == null) {
			return "";
		}
		String key = locale.toLanguageTag() + ' ' + money.currencyCode() + ' ' + money.amount().scale();
		NumberFormat format = (this.formats.size() < MAX_FORMATS)
				? this.formats.computeIfAbsent(key, (k) -> formatOf(money, locale)) : formatOf(money, locale);
		return ((NumberFormat) format.clone()).format(money.amount());
	}

	private static NumberFormat formatOf(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(money.currency());
		if (format instanceof DecimalFormat decimal) {
			DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
			symbols.setCurrencySymbol(symbolOf(money));
			decimal.setDecimalFormatSymbols(symbols);
		}
		format.setMinimumFractionDigits(money.amount().scale());
		format.setMaximumFractionDigits(money.amount().scale());
		return format;
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
