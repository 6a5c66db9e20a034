package com.billingportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Check;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;

/**
 * What axe-core found on every page the browser tests checked, every impact included, written to
 * target/accessibility/report.txt as it goes. Serious and critical violations fail the test that
 * found them; moderate and minor ones are listed here (and printed) to be judged and fixed where
 * real; "needs review" names the rules axe could not decide alone.
 */
final class AccessibilityReport {

	static final Path FILE = Path.of("target", "accessibility", "report.txt");

	private static final List<String> ENTRIES = new ArrayList<>();

	private static int violations;

	private AccessibilityReport() {
	}

	static synchronized void record(String page, long width, Results results) {
		StringBuilder entry = new StringBuilder();
		entry.append("== ").append(page).append(" — ").append(path(results.getUrl())).append(" at ").append(width)
			.append(" px\n");
		if (results.getViolations().isEmpty()) {
			entry.append("   no violations\n");
		}
		for (Rule rule : results.getViolations()) {
			violations++;
			entry.append("   ").append(rule.getImpact()).append(' ').append(describe(rule)).append('\n');
			if (!Accessibility.isBlocking(rule)) {
				System.out.println("[axe] " + rule.getImpact() + " on " + page + " (" + path(results.getUrl()) + "): "
						+ rule.getId() + " — " + rule.getHelp());
			}
		}
		for (Rule rule : results.getIncomplete()) {
			entry.append("   needs review ").append(rule.getId()).append(" (").append(rule.getNodes().size()).append(")\n");
			rule.getNodes()
				.forEach((n) -> entry.append("      ").append(n.getTarget()).append(' ')
					.append(n.getAny().stream().map(Check::getMessage).collect(Collectors.joining("; ")))
					.append('\n'));
		}
		ENTRIES.add(entry.toString());
		write();
	}

	/** A rule and the elements it found, one per line. */
	static String describe(Rule rule) {
		return rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size() + ")\n" + rule.getNodes()
			.stream()
			.map((n) -> "      " + n.getTarget() + " " + n.getHtml() + "\n        "
					+ String.valueOf(n.getFailureSummary()).replace("\n", "\n        "))
			.collect(Collectors.joining("\n"));
	}

	private static void write() {
		String head = "axe-core on every page the browser tests checked; rules tagged "
				+ String.join(", ", Accessibility.TAGS) + "\n" + ENTRIES.size() + " pages, " + violations
				+ " violations (serious and critical ones fail their test)\n\n";
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, head + String.join("\n", ENTRIES), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String path(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

}
