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

	@Test
	void theOptionsAreWrittenOnceEscapedWithTheChosenCodeSelected() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		CountryList.Options options = CountryList.options();
		assertThat(CountryList.options()).isSameAs(options);
		String none = options.html(null);
		assertThat(none).contains("<option value=\"DE\">Germany</option>")
			.doesNotContain("selected")
			// Names with characters HTML gives a meaning to are escaped.
			.contains("<option value=\"BA\">Bosnia &amp; Herzegovina</option>")
			// Other characters as they are, as Thymeleaf writes them into a UTF-8 page.
			.contains("<option value=\"AX\">Åland Islands</option>");
		assertThat(none.split("<option ", -1)).hasSize(Locale.getISOCountries().length + 1);
		assertThat(options.html("DE")).contains("<option value=\"DE\" selected=\"selected\">Germany</option>")
			.containsOnlyOnce(" selected=");
		// A value typed into the form that is no code selects nothing and is never written.
		String typed = "\"><script>alert(1)</script>";
		assertThat(options.html(typed)).isEqualTo(none);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(CountryList.options().html("DE")).contains("<option value=\"DE\" selected=\"selected\">德国</option>");
	}

}
