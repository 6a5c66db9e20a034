package com.billingportal.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates as the reader's locale writes them ("Nov 26, 2026", "2026年11月26日"). */
@Component("dates")
public class DateFormat {

	public String date(LocalDate date) {
		return date(date, LocaleContextHolder.getLocale());
	}

	public String date(LocalDate date, Locale locale) {
		return (date != null) ? format(date, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM), locale) : "";
	}

	public String dateTime(Instant instant) {
		return dateTime(instant, LocaleContextHolder.getLocale());
	}

	public String dateTime(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime zoned = instant.atZone(ZoneId.systemDefault());
		return format(zoned, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT), locale);
	}

	public String expiry(YearMonth month) {
		return (month != null) ? format(month, DateTimeFormatter.ofPattern("MM/yyyy"), Locale.ROOT) : "";
	}

	private static String format(TemporalAccessor temporal, DateTimeFormatter formatter, Locale locale) {
		return formatter.withLocale(locale).format(temporal);
	}

}
