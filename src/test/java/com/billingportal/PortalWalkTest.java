package com.billingportal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.TestDatabase;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Walks the portal as each demo user, as a curious visitor would: from the home page, every
 * same-site link (downloads fetched, not read), breadth first until nothing new is found, and each
 * GET form submitted as it stands and with every option of each of its selects in turn. No answer
 * may be a server error, on whichever database the run uses.
 * <p>
 * A form is varied where it is first found: the same form on another page (the invoices filter
 * beside the Pay now blade, or on a filtered list) only has other options selected, and varying
 * it again around each of those would walk every combination of every filter.
 * <p>
 * Only GET: sign-out and every form that changes something are POST forms and are left alone.
 * MockMvc prints nothing: on failure it would print hundreds of whole pages; the addresses that
 * failed say enough.
 */
@PortalTest
class PortalWalkTest {

	private static final String SITE = "http://localhost";

	/** Enough to be sure the walk went everywhere a user can, not just round the home page. */
	private static final int FEWEST_PAGES = 40;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@ParameterizedTest
	@ValueSource(strings = { DemoData.CONTOSO_ADMIN, DemoData.CONTOSO_READER, DemoData.CONTOSO_CONTRIBUTOR,
			DemoData.FABRIKAM_ADMIN, DemoData.NORTHWIND_ADMIN })
	void everyPageAndEveryFilterAnswersWithoutAServerError(String email) throws Exception {
		// An invitation waits for each walker, so that the home page links to the Invitations page.
		this.demo.invite(email.equals(DemoData.NORTHWIND_ADMIN) ? this.demo.contoso() : this.demo.northwind(), email,
				"READER");
		Map<String, Integer> visited = walk(email);

		System.out.printf("Portal walk as %s on %s: %d addresses%n  %s%n", email,
				TestDatabase.postgres() ? "PostgreSQL" : "H2", visited.size(),
				visited.entrySet().stream().map((e) -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("\n  ")));
		assertThat(visited).as("server errors").allSatisfy((url, status) -> assertThat(status).as(url).isLessThan(500));
		assertThat(visited.size()).isGreaterThanOrEqualTo(FEWEST_PAGES);
		assertThat(visited.keySet()).as("reached the invoices, filtered by status and time span")
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/invoices\\?.*status=PAST_DUE.*"))
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/invoices\\?.*span=LAST_3_MONTHS.*"))
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/invoices/[^/?]+"))
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/invoices/[^/?]+/pdf"));
		assertThat(visited).as("reached the invitations from the home page").containsEntry("/invitations", 200);
		assertThat(visited.keySet()).as("reached the payments, filtered by status and time span")
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/payments"))
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/payments\\?.*status=FAILED.*"))
			.anyMatch((u) -> u.matches("/billing/accounts/[0-9]+/payments\\?.*span=LAST_12_MONTHS.*"));
	}

	/** Every address reached, in the order reached, with the status it answered. */
	private Map<String, Integer> walk(String email) throws Exception {
		var signedIn = user(this.demo.user(email));
		Map<String, Integer> visited = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		Set<String> seen = new LinkedHashSet<>(queue);
		Set<String> formsSubmitted = new LinkedHashSet<>();
		while (!queue.isEmpty()) {
			String url = queue.removeFirst();
			MockHttpServletResponse response = this.mvc.perform(get(new URI(url)).with(signedIn))
				.andReturn()
				.getResponse();
			visited.put(url, response.getStatus());
			List<String> found = new ArrayList<>();
			if (response.getStatus() >= 300 && response.getStatus() < 400 && response.getRedirectedUrl() != null) {
				String to = response.getRedirectedUrl();
				found.add(to.startsWith("/") ? SITE + to : to);
			}
			String type = response.getContentType();
			if (response.getStatus() < 300 && type != null && type.startsWith("text/html")) {
				Document page = Jsoup.parse(response.getContentAsString(), SITE + url);
				page.select("a[href]").forEach((a) -> found.add(a.absUrl("href")));
				for (Element form : page.select("form")) {
					if (formsSubmitted.add(form.attr("action") + " " + form.select("[name]").eachAttr("name"))) {
						found.addAll(submissions(form));
					}
				}
			}
			for (String next : found) {
				String local = sameSite(next);
				if (local != null && seen.add(local)) {
					queue.addLast(local);
				}
			}
		}
		return visited;
	}

	/**
	 * A GET form as it stands, then with each option of each select in turn (the other fields as
	 * they stand); nothing for a POST form.
	 */
	private static List<String> submissions(Element form) {
		if (form.attr("method").equalsIgnoreCase("post")) {
			return List.of();
		}
		String action = form.hasAttr("action") ? form.absUrl("action") : form.baseUri();
		Map<String, String> defaults = new LinkedHashMap<>();
		for (Element field : form.select("input[name], select[name], textarea[name]")) {
			String type = field.attr("type").toLowerCase();
			if (type.equals("submit") || type.equals("button") || type.equals("image")
					|| ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked"))) {
				continue;
			}
			defaults.put(field.attr("name"), switch (field.tagName()) {
				case "select" -> {
					Element chosen = field.selectFirst("option[selected]");
					chosen = (chosen != null) ? chosen : field.selectFirst("option");
					yield (chosen != null) ? chosen.val() : "";
				}
				case "textarea" -> field.text();
				default -> field.val();
			});
		}
		List<String> submissions = new ArrayList<>(List.of(action + "?" + query(defaults)));
		for (Element select : form.select("select[name]")) {
			for (Element option : select.select("option")) {
				Map<String, String> varied = new LinkedHashMap<>(defaults);
				varied.put(select.attr("name"), option.val());
				submissions.add(action + "?" + query(varied));
			}
		}
		return submissions;
	}

	private static String query(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** The path and query of an address on this site, or null for another site, a fragment or sign-out. */
	private static String sameSite(String absolute) {
		if (!absolute.startsWith(SITE + "/")) {
			return null;
		}
		try {
			URI uri = new URI(absolute);
			String path = uri.getRawPath();
			if (path.equals("/logout")) {
				return null;
			}
			return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
		}
		catch (URISyntaxException ex) {
			throw new AssertionError("A page links to an address that is not one: " + absolute, ex);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
