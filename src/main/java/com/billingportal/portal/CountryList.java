package com.billingportal.portal;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/** The countries a card's billing address may be in, named in the reader's language. */
public final class CountryList {

	private CountryList() {
	}

	public static List<Country> countries() {
		Locale locale = LocaleContextHolder.getLocale();
		Collator collator = Collator.getInstance(locale);
		return Arrays.stream(Locale.getISOCountries())
			.map((code) -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
			.sorted(Comparator.comparing(Country::name, collator))
			.toList();
	}

	public record Country(String code, String name) {
	}

}
