package com.billingportal.browser;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on the page the browser shows now, with the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 * <p>
 * axe runs in the page itself (the portal has no frames): its script is put into a page once, however
 * many times the page is checked (at two widths, say), and the results come back as one JSON
 * string. Of the rules a page passes or that do not apply, axe names one element each, not all: the
 * report never lists them. Measured on a loaded machine, a check takes about half the time of
 * axe-core's own {@code AxeBuilder}, which injects the script and converts the results object by
 * object on every call.
 */
final class Accessibility {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final List<String> BLOCKING = List.of("serious", "critical");

	private static final String RUN = "var done = arguments[arguments.length - 1];"
			+ " axe.run(document, JSON.parse(arguments[0])).then(function (r) { done(JSON.stringify(r)); },"
			+ " function (e) { done('axe-core failed: ' + e); });";

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private static String script;

	private Accessibility() {
	}

	/** Runs axe-core on the current page and notes what it found in the {@link AccessibilityReport}. */
	static Results check(Browser browser, String page) {
		Results results = analyze(browser, page);
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

	private static Results analyze(Browser browser, String page) {
		if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
			browser.script(script());
		}
		try {
			String options = JSON.writeValueAsString(Map.of("runOnly", Map.of("type", "tag", "values", TAGS),
					"resultTypes", List.of("violations", "incomplete")));
			String json = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(RUN, options);
			assertThat(json).as("axe-core ran on " + page).startsWith("{");
			return JSON.readValue(json, Results.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("axe-core's results could not be read", ex);
		}
	}

	/** axe-core's script, as shipped in its Selenium jar, read once. */
	private static synchronized String script() {
		if (script == null) {
			try {
				script = new EmbeddedResourceAxeProvider().getScript();
			}
			catch (Exception ex) {
				throw new IllegalStateException("axe-core's script could not be read", ex);
			}
		}
		return script;
	}

}
