package com.billingportal.portal;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.HtmlUtils;

/**
 * The countries a card's billing address may be in, named in the reader's language. Made once per
 * language: naming and sorting some 250 countries was a sixth of the Pay now blade's time (JFR).
 */
public final class CountryList {

	/** The portal speaks two languages (PortalLocales); the bound keeps any other caller finite. */
	private static final int MAX_LANGUAGES = 8;

	private static final Map<Locale, Options> OPTIONS = new ConcurrentHashMap<>();

	private CountryList() {
	}

	/** The countries named in the reader's language, in its alphabetical order (the options' order). */
	static List<Country> countries() {
		return options().countries;
	}

	/**
	 * The {@code <option>}s of a country select in the reader's language, written once per language:
	 * some 250 options, each rendered by Thymeleaf with its selected state looked up through the form's
	 * binding, were about a sixth of the rendering in the pay flow's profile (JFR, docs/performance.md).
	 */
	public static Options options() {
		Locale locale = LocaleContextHolder.getLocale();
		Options options = OPTIONS.get(locale);
		if (options == null) {
			options = new Options(named(locale));
			if (OPTIONS.size() < MAX_LANGUAGES) {
				OPTIONS.putIfAbsent(locale, options);
			}
		}
		return options;
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

	/**
	 * The options as HTML, codes and names escaped; the value chosen, when it is one of the codes,
	 * selected. The value chosen is only compared with the codes and must never be written into the
	 * page: the templates insert this HTML unescaped ({@code th:utext}).
	 */
	public static final class Options {

		private final List<Country> countries;

		private final String html;

		/** Where each code's option tag ends its value attribute, to mark it selected. */
		private final Map<String, Integer> valueEnds;

		Options(List<Country> countries) {
			this.countries = countries;
			StringBuilder html = new StringBuilder(countries.size() * 40);
			Map<String, Integer> ends = new HashMap<>();
			for (Country country : countries) {
				html.append("<option value=\"").append(HtmlUtils.htmlEscape(country.code(), "UTF-8")).append('"');
				ends.put(country.code(), html.length());
				html.append('>').append(HtmlUtils.htmlEscape(country.name(), "UTF-8")).append("</option>");
			}
			this.html = html.toString();
			this.valueEnds = Map.copyOf(ends);
		}

		public String html(Object chosen) {
			Integer end = (chosen != null) ? this.valueEnds.get(chosen.toString()) : null;
			return (end == null) ? this.html
					: this.html.substring(0, end) + " selected=\"selected\"" + this.html.substring(end);
		}

	}

}
