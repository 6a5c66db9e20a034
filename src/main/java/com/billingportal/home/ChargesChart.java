package com.billingportal.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.billingportal.invoice.MonthlyCharges;
import com.billingportal.money.MoneyFormat;
import org.unbescape.html.HtmlEscape;

/**
 * The overview's "charges by month" as bars of a server-rendered SVG: positions and sizes worked
 * out here, and the bars and the table's rows written here too ({@link #barsSvg()},
 * {@link #tableRows()}); the portal's Content-Security-Policy allows no inline style, and the
 * colours come from the style sheet's classes.
 *
 * @param currency the currency code
 * @param bars one per month, oldest first
 * @param max the largest month, formatted: the top of the scale
 */
public record ChargesChart(String currency, List<Bar> bars, String max) {

	static final int WIDTH = 600;

	static final int HEIGHT = 180;

	static final int BAR_SLOT = WIDTH / 12;

	/**
	 * A month's two labels ("Mar", "Mar 2026") by language, formatted once: formatting 24 labels a
	 * page was 6 % of the overview's CPU (async-profiler, docs/performance.md). Two languages and the
	 * months of a few years: a few hundred entries; emptied should it ever grow past
	 * {@link #LABELS_KEPT}. (portal.DateFormat keeps formatters per language, not the formatted
	 * months.)
	 */
	private static final Map<MonthInLanguage, MonthLabels> LABELS = new ConcurrentHashMap<>();

	static final int LABELS_KEPT = 5_000;

	static ChargesChart of(MonthlyCharges charges, MoneyFormat money, Locale locale) {
		BigDecimal max = charges.max().amount();
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < charges.months().size(); i++) {
			MonthlyCharges.Month m = charges.months().get(i);
			int height = (max.signum() == 0) ? 0
					: m.amount().amount().multiply(BigDecimal.valueOf(HEIGHT)).divide(max, 0, RoundingMode.HALF_UP)
						.intValue();
			MonthLabels labels = labels(m.month(), locale);
			bars.add(new Bar(i * BAR_SLOT + 6, HEIGHT - height, BAR_SLOT - 12, height, i * BAR_SLOT + BAR_SLOT / 2,
					labels.shortName(), labels.longName(), money.format(m.amount(), locale)));
		}
		return new ChargesChart(charges.currency(), List.copyOf(bars), money.format(charges.max(), locale));
	}

	/** The month's short and long label in the language: "Mar" and "Mar 2026". */
	static MonthLabels labels(YearMonth month, Locale locale) {
		if (LABELS.size() >= LABELS_KEPT) {
			LABELS.clear();
		}
		return LABELS.computeIfAbsent(new MonthInLanguage(month, locale),
				(key) -> new MonthLabels(month.format(DateTimeFormatter.ofPattern("MMM", locale)),
						month.format(DateTimeFormatter.ofPattern("MMM yyyy", locale))));
	}

	/** A month's label under its bar ("Mar") and in the chart's table ("Mar 2026"). */
	record MonthLabels(String shortName, String longName) {
	}

	private record MonthInLanguage(YearMonth month, Locale locale) {
	}

	/**
	 * The bars and their month labels as SVG, for {@code th:utext}: written here rather than by a
	 * {@code th:each} in the template, where each month was seven attribute processors, bars and table together (the
	 * Invoices list's rows, written the same way by {@code invoice.ListedInvoiceRows}, were a sixth of
	 * their page: docs/performance.md). The month names are escaped as {@code th:text} escapes them;
	 * the rest are numbers.
	 */
	public String barsSvg() {
		StringBuilder out = new StringBuilder(this.bars.size() * 160);
		for (Bar bar : this.bars) {
			out.append("<g>\n<rect class=\"chart-bar\" x=\"")
				.append(bar.x())
				.append("\" y=\"")
				.append(bar.y())
				.append("\" width=\"")
				.append(bar.width())
				.append("\" height=\"")
				.append(bar.height())
				.append("\"></rect>\n<text class=\"chart-label\" text-anchor=\"middle\" x=\"")
				.append(bar.labelX())
				.append("\" y=\"196\">")
				.append(HtmlEscape.escapeHtml4Xml(bar.shortMonth()))
				.append("</text>\n</g>\n");
		}
		return out.toString();
	}

	/** The table's rows, a month and its charges each, escaped, for {@code th:utext} (see {@link #barsSvg()}). */
	public String tableRows() {
		StringBuilder out = new StringBuilder(this.bars.size() * 60);
		for (Bar bar : this.bars) {
			out.append("<tr><th scope=\"row\">")
				.append(HtmlEscape.escapeHtml4Xml(bar.month()))
				.append("</th><td>")
				.append(HtmlEscape.escapeHtml4Xml(bar.amount()))
				.append("</td></tr>");
		}
		return out.toString();
	}

	/** One month: its bar's rectangle, where its label goes, and the month and amount in words. */
	public record Bar(int x, int y, int width, int height, int labelX, String shortMonth, String month, String amount) {
	}

}
