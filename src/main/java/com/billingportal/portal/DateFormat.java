package com.billingportal.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates as the reader's locale writes them ("Nov 26, 2026", "2026年11月26日"). */
@Component("dates")
public class DateFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
			FormatStyle.SHORT);

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MM/yyyy", Locale.ROOT);

	/** A page formats dozens of dates: each language's formatter is resolved once, not on every call. */
	private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

	private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();

	public String date(LocalDate date) {
		return date(date, LocaleContextHolder.getLocale());
	}

	public String date(LocalDate date, Locale locale) {
		return (date != null) ? formatter(DATES, DATE, locale).format(date) : "";
	}

	public String dateTime(Instant instant) {
		return dateTime(instant, LocaleContextHolder.getLocale());
	}

	public String dateTime(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime zoned = instant.atZone(ZoneId.systemDefault());
		return formatter(DATE_TIMES, DATE_TIME, locale).format(zoned);
	}

	public String expiry(YearMonth month) {
		return (month != null) ? EXPIRY.format(month) : "";
	}

	/** At most a few languages are cached; any other locale gets a formatter of its own. */
	private static DateTimeFormatter formatter(Map<Locale, DateTimeFormatter> cache, DateTimeFormatter base,
			Locale locale) {
		DateTimeFormatter formatter = cache.get(locale);
		if (formatter == null) {
			formatter = base.withLocale(locale);
			if (cache.size() < 8) {
				cache.put(locale, formatter);
			}
		}
		return formatter;
	}

}
