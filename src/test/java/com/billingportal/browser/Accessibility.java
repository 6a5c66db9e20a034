package com.billingportal.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core on the page the browser shows now. */
final class Accessibility {

	private static final List<String> BLOCKING = List.of("serious", "critical");

	private Accessibility() {
	}

	/** Fails listing every violation of impact serious or critical on the current page. */
	static Results assertNoSeriousViolations(Browser browser, String page) {
		Results results = new AxeBuilder().analyze(browser.driver());
		assertThat(results.isErrored()).as("axe-core ran on " + page + ": " + results.getErrorMessage()).isFalse();
		List<Rule> blocking = results.getViolations().stream().filter((r) -> BLOCKING.contains(r.getImpact())).toList();
		assertThat(blocking).as("serious or critical accessibility violations on " + page + ":\n" + describe(blocking))
			.isEmpty();
		assertThat(results.getPasses()).as("axe-core checked something on " + page).isNotEmpty();
		return results;
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map((r) -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n"
					+ r.getNodes()
						.stream()
						.map((n) -> "    " + n.getTarget() + " " + n.getHtml() + "\n      " + n.getFailureSummary())
						.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

}
