package com.billingportal.invoice;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.billingportal.money.Money;

/**
 * One currency's charges in each of 12 months, oldest first.
 *
 * @param currency the currency code
 * @param months the 12 months and their charges (zero when nothing was invoiced)
 */
public record MonthlyCharges(String currency, List<Month> months) {

	static MonthlyCharges of(String currency, YearMonth first, Map<YearMonth, Money> charged) {
		List<Month> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			YearMonth month = first.plusMonths(i);
			months.add(new Month(month, charged.getOrDefault(month, Money.of("0", currency))));
		}
		return new MonthlyCharges(currency, List.copyOf(months));
	}

	/** The largest month's charges: the chart's scale. */
	public Money max() {
		return this.months.stream().map(Month::amount).max(Money::compareTo).orElseThrow();
	}

	public record Month(YearMonth month, Money amount) {
	}

}
