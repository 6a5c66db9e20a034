package com.billingportal.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core on the page the browser shows now, with the WCAG 2.0, 2.1 and 2.2 A and AA rules. */
final class Accessibility {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final List<String> BLOCKING = List.of("serious", "critical");

	private Accessibility() {
	}

	/** Runs axe-core on the current page and notes what it found in the {@link AccessibilityReport}. */
	static Results check(Browser browser, String page) {
		// Legacy mode runs axe in the page itself: the portal has no frames, and it saves opening a
		// second tab for every page checked.
		Results results = new AxeBuilder().withTags(TAGS).setLegacyMode(true).analyze(browser.driver());
		assertThat(results.isErrored()).as("axe-core ran on " + page + ": " + results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).as("axe-core checked something on " + page).isNotEmpty();
		AccessibilityReport.record(page, ((Number) browser.script("return window.innerWidth")).longValue(), results);
		return results;
	}

	/** The violations of impact serious or critical. */
	static List<Rule> blocking(Results results) {
		return results.getViolations().stream().filter(Accessibility::isBlocking).toList();
	}

	static boolean isBlocking(Rule rule) {
		return BLOCKING.contains(rule.getImpact());
	}

	/** Fails listing every violation of impact serious or critical on the current page. */
	static Results assertNoSeriousViolations(Browser browser, String page) {
		Results results = check(browser, page);
		List<Rule> blocking = blocking(results);
		assertThat(blocking).as("serious or critical accessibility violations on " + page + ":\n" + describe(blocking))
			.isEmpty();
		return results;
	}

	static String describe(List<Rule> rules) {
		return rules.stream().map((r) -> "- " + r.getImpact() + " " + AccessibilityReport.describe(r))
			.collect(Collectors.joining("\n"));
	}

}
