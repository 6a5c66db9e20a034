package com.billingportal.portal;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The countries of a card's address are named and sorted once per language and then reused (issue
 * 11: doing it on every Pay now blade was a sixth of its time), each language with its own names.
 */
class CountryListTest {

	@AfterEach
	void resetLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void eachLanguageHasItsOwnNamesMadeOnce() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<CountryList.Country> english = CountryList.countries();
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		List<CountryList.Country> chinese = CountryList.countries();

		assertThat(english).hasSameSizeAs(Locale.getISOCountries());
		assertThat(english).contains(new CountryList.Country("DE", "Germany"));
		assertThat(chinese).contains(new CountryList.Country("DE", "德国"));
		assertThat(CountryList.countries()).isSameAs(chinese);
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(CountryList.countries()).isSameAs(english);
	}

	@Test
	void namesAreInTheReadersAlphabeticalOrder() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<String> names = CountryList.countries().stream().map(CountryList.Country::name).toList();
		assertThat(names.indexOf("Austria")).isLessThan(names.indexOf("Germany"));
		assertThat(names.indexOf("Germany")).isLessThan(names.indexOf("Zambia"));
	}

}
