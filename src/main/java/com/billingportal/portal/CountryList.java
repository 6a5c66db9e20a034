package com.billingportal.portal;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The countries a card's billing address may be in, named in the reader's language. Made once per
 * language: naming and sorting some 250 countries was a sixth of the Pay now blade's time (JFR).
 */
public final class CountryList {

	private static final Map<Locale, List<Country>> BY_LOCALE = new ConcurrentHashMap<>();

	private CountryList() {
	}

	public static List<Country> countries() {
		Locale locale = LocaleContextHolder.getLocale();
		List<Country> named = BY_LOCALE.get(locale);
		if (named == null) {
			named = named(locale);
			// The portal speaks two languages (PortalLocales); the bound keeps any other caller finite.
			if (BY_LOCALE.size() < 8) {
				BY_LOCALE.putIfAbsent(locale, named);
			}
		}
		return named;
	}

	private static List<Country> named(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Arrays.stream(Locale.getISOCountries())
			.map((code) -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
			.sorted(Comparator.comparing(Country::name, collator))
			.toList();
	}

	public record Country(String code, String name) {
	}

}
