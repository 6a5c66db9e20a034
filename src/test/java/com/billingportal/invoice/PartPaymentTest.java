package com.billingportal.invoice;

import java.math.BigDecimal;

import com.billingportal.money.Money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of "Pay another amount": minimum, maximum and the currency's minor units. */
class PartPaymentTest {

	final PartPayment rule = new PartPayment(new BigDecimal("10"));

	final Money usdLimit = Money.of("50000", "USD");

	@Test
	void theMinimumIsTenPercentOfTheBalanceRoundedUpToTheCurrencysMinorUnits() {
		assertThat(this.rule.minimum(Money.of("1234.56", "USD"))).isEqualTo(Money.of("123.46", "USD"));
		assertThat(this.rule.minimum(Money.of("1000.00", "USD"))).isEqualTo(Money.of("100.00", "USD"));
		// Yen has no minor units: 1234.5 rounds up to 1235.
		assertThat(this.rule.minimum(Money.of("12345", "JPY"))).isEqualTo(Money.of("1235", "JPY"));
		assertThat(this.rule.minimum(Money.of("12345", "JPY")).amount().scale()).isZero();
	}

	@Test
	void theMinimumIsNeverMoreThanTheBalance() {
		assertThat(this.rule.minimum(Money.of("0.01", "USD"))).isEqualTo(Money.of("0.01", "USD"));
		assertThat(this.rule.minimum(Money.of("1", "JPY"))).isEqualTo(Money.of("1", "JPY"));
		assertThat(new PartPayment(new BigDecimal("150")).minimum(Money.of("80.00", "USD")))
			.isEqualTo(Money.of("80.00", "USD"));
	}

	@Test
	void aPartBetweenTheMinimumAndTheBalanceIsAccepted() {
		Money balance = Money.of("1234.56", "USD");
		assertThat(this.rule.refusalKey(balance, new BigDecimal("123.46"), this.usdLimit)).isNull();
		assertThat(this.rule.refusalKey(balance, new BigDecimal("1234.56"), this.usdLimit)).isNull();
		assertThat(this.rule.refusalKey(balance, new BigDecimal("500.5"), this.usdLimit)).isNull();
		assertThat(this.rule.refusalKey(balance, new BigDecimal("500.500"), this.usdLimit)).as("trailing zeros").isNull();
	}

	@Test
	void aPartOutsideTheRangeOrFinerThanTheMinorUnitsIsRefused() {
		Money balance = Money.of("1234.56", "USD");
		assertThat(this.rule.refusalKey(balance, new BigDecimal("123.45"), this.usdLimit))
			.isEqualTo("pay.part.belowMinimum");
		assertThat(this.rule.refusalKey(balance, new BigDecimal("1234.57"), this.usdLimit))
			.isEqualTo("pay.part.aboveBalance");
		assertThat(this.rule.refusalKey(balance, new BigDecimal("200.005"), this.usdLimit))
			.isEqualTo("pay.part.tooPrecise");
		assertThat(this.rule.refusalKey(balance, BigDecimal.ZERO, this.usdLimit)).isEqualTo("pay.part.invalid");
		assertThat(this.rule.refusalKey(balance, null, this.usdLimit)).isEqualTo("pay.part.invalid");
		assertThat(this.rule.refusalKey(Money.of("12345", "JPY"), new BigDecimal("2000.5"), Money.of("50000", "JPY")))
			.isEqualTo("pay.part.tooPrecise");
		assertThat(this.rule.refusalKey(Money.of("12345", "JPY"), new BigDecimal("2000"), Money.of("50000", "JPY")))
			.isNull();
	}

	@Test
	void aPartAboveTheCardLimitIsRefused() {
		Money balance = Money.of("80000.00", "USD");
		assertThat(this.rule.refusalKey(balance, new BigDecimal("50000.01"), this.usdLimit))
			.isEqualTo("pay.part.aboveCardLimit");
		assertThat(this.rule.refusalKey(balance, new BigDecimal("50000.00"), this.usdLimit)).isNull();
	}

	@Test
	void theBalanceIsTheAmountDueLessThePartsPaidAndPartiallyPaidIsDerived() {
		java.time.LocalDate due = java.time.LocalDate.of(2026, 12, 1);
		assertThat(Invoice.derive(InvoiceStatus.DUE, due, due.minusDays(1), new BigDecimal("0.01")))
			.isEqualTo(InvoiceStatus.PARTIALLY_PAID);
		assertThat(Invoice.derive(InvoiceStatus.DUE, due, due.plusDays(1), new BigDecimal("5")))
			.isEqualTo(InvoiceStatus.PARTIALLY_PAID);
		assertThat(Invoice.derive(InvoiceStatus.DUE, due, due.plusDays(1), BigDecimal.ZERO))
			.isEqualTo(InvoiceStatus.PAST_DUE);
		assertThat(Invoice.derive(InvoiceStatus.PAID, due, due, new BigDecimal("5"))).isEqualTo(InvoiceStatus.PAID);
	}

}
