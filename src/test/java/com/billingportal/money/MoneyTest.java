package com.billingportal.money;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void roundsToTheMinorUnitsOfItsCurrency() {
		assertThat(Money.of("10.005", "USD").amount()).isEqualByComparingTo("10.00");
		assertThat(Money.of("10.015", "USD").amount()).isEqualByComparingTo("10.02");
		assertThat(Money.of("1234.5", "JPY").amount()).isEqualByComparingTo("1234");
		assertThat(Money.of("1", "EUR").amount().scale()).isEqualTo(2);
	}

	@Test
	void addsOnlyTheSameCurrency() {
		assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
	}

	@Test
	void comparesAndConvertsToMinorUnits() {
		assertThat(Money.of("50000.01", "USD").isGreaterThan(Money.of("50000", "USD"))).isTrue();
		assertThat(Money.of("599.97", "USD").minorUnitAmount()).isEqualTo(59997);
		assertThat(Money.of("599", "JPY").minorUnitAmount()).isEqualTo(599);
		assertThat(Money.of("2", "USD").times(new BigDecimal("0.333")).amount()).isEqualByComparingTo("0.67");
	}

	@Test
	void formatsWithTheCurrencysOwnSymbolInTheReadersLocale() {
		MoneyFormat format = new MoneyFormat();
		assertThat(format.format(Money.of("1234.5", "USD"), Locale.ENGLISH)).isEqualTo("$1,234.50");
		assertThat(format.format(Money.of("1234.5", "EUR"), Locale.ENGLISH)).isEqualTo("€1,234.50");
		assertThat(format.format(Money.of("1234.5", "EUR"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("€1,234.50");
		assertThat(format.format(Money.of("1234", "CNY"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥1,234.00");
		assertThat(format.format(Money.of("1234.5", "EUR"), Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
	}

}
