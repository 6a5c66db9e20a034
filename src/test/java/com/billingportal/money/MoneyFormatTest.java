package com.billingportal.money;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Money shows the invoice currency's own symbol, grouped as the reader's locale groups digits. */
class MoneyFormatTest {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MoneyFormat format = new MoneyFormat();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void dollarsShowTheDollarSignToEveryReader() {
		assertThat(this.format.format(Money.of("1234.5", "USD"), Locale.ENGLISH)).isEqualTo("$1,234.50");
		assertThat(this.format.format(Money.of("1234.5", "USD"), ZH)).isEqualTo("$1,234.50");
	}

	@Test
	void eurosShowTheEuroSignEvenToAnEnglishReader() {
		assertThat(this.format.format(Money.of("98765.43", "EUR"), Locale.ENGLISH)).isEqualTo("€98,765.43");
		assertThat(this.format.format(Money.of("98765.43", "EUR"), ZH)).isEqualTo("€98,765.43");
	}

	@Test
	void yuanAndYenShowTheYenSignWithTheirOwnMinorUnits() {
		assertThat(this.format.format(Money.of("1234.5", "CNY"), Locale.ENGLISH)).isEqualTo("¥1,234.50");
		assertThat(this.format.format(Money.of("1234.5", "JPY"), ZH)).isEqualTo("¥1,234");
	}

	@Test
	void aCurrencyWithoutAKnownSymbolShowsItsCode() {
		assertThat(this.format.format(Money.of("10", "CHF"), Locale.ENGLISH)).isEqualTo("CHF 10.00");
	}

	@Test
	void withoutALocaleItFollowsTheRequestsLanguage() {
		LocaleContextHolder.setLocale(Locale.GERMANY);
		assertThat(this.format.format(Money.of("1234.5", "EUR"))).contains("1.234,50").contains("€");
		LocaleContextHolder.setLocale(ZH);
		assertThat(this.format.format(Money.of("1234.5", "EUR"))).isEqualTo("€1,234.50");
	}

}
