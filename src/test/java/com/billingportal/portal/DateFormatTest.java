package com.billingportal.portal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class DateFormatTest {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	private final DateFormat dates = new DateFormat();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void datesAreWrittenAsTheReadersLanguageWritesThem() {
		assertThat(this.dates.date(DAY, Locale.ENGLISH)).isEqualTo("Nov 26, 2026");
		assertThat(this.dates.date(DAY, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年11月26日");
	}

	@Test
	void withoutALocaleTheRequestsLanguageIsUsed() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.dates.date(DAY)).isEqualTo("2026年11月26日");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.dates.date(DAY)).isEqualTo("Nov 26, 2026");
	}

	@Test
	void cardExpiryIsTheSameInEveryLanguage() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.dates.expiry(YearMonth.of(2027, 3))).isEqualTo("03/2027");
	}

	@Test
	void nothingToShowIsEmpty() {
		assertThat(this.dates.date(null, Locale.ENGLISH)).isEmpty();
		assertThat(this.dates.dateTime(null, Locale.ENGLISH)).isEmpty();
	}

}
