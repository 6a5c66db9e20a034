package com.billingportal.home;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's bars and table rows as {@link ChargesChart} writes them, every word escaped. */
class ChargesChartTest {

	private final ChargesChart chart = new ChargesChart("USD",
			List.of(new ChargesChart.Bar(6, 80, 38, 100, 25, "Jan", "Jan 2026", "$1,000.00"),
					new ChargesChart.Bar(56, 180, 38, 0, 75, "<b>Feb", "Feb \"2026\"", "$0.00 & <i>")),
			"$1,000.00");

	@Test
	void eachMonthIsABarWithItsLabel() {
		assertThat(this.chart.barsSvg()).startsWith("<g>\n<rect class=\"chart-bar\" x=\"6\" y=\"80\" width=\"38\" "
				+ "height=\"100\"></rect>\n<text class=\"chart-label\" text-anchor=\"middle\" x=\"25\" y=\"196\">Jan</text>\n</g>\n")
			.contains("x=\"56\" y=\"180\" width=\"38\" height=\"0\"");
	}

	@Test
	void eachMonthIsATableRow() {
		assertThat(this.chart.tableRows()).startsWith("<tr><th scope=\"row\">Jan 2026</th><td>$1,000.00</td></tr>");
	}

	@Test
	void markupInAWordIsWrittenAsText() {
		assertThat(this.chart.barsSvg()).doesNotContain("<b>").contains(">&lt;b&gt;Feb</text>");
		assertThat(this.chart.tableRows()).doesNotContain("<i>", "\"2026\"")
			.contains("<th scope=\"row\">Feb &quot;2026&quot;</th><td>$0.00 &amp; &lt;i&gt;</td>");
	}

	@Test
	void monthLabelsInEachLanguage() {
		YearMonth march = YearMonth.of(2026, 3);
		assertThat(ChargesChart.labels(march, Locale.ENGLISH)).isEqualTo(new ChargesChart.MonthLabels("Mar", "Mar 2026"));
		assertThat(ChargesChart.labels(march, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo(new ChargesChart.MonthLabels("3月", "3月 2026"));
		assertThat(ChargesChart.labels(march, Locale.ENGLISH)).as("kept, the same again")
			.isSameAs(ChargesChart.labels(march, Locale.ENGLISH));
		assertThat(ChargesChart.labels(YearMonth.of(2025, 12), Locale.ENGLISH))
			.isEqualTo(new ChargesChart.MonthLabels("Dec", "Dec 2025"));
	}

}
