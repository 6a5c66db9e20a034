package com.billingportal.browser;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Walks the pages a signed-in user reaches by following links, breadth first from where it starts,
 * as a person clicking through would: same-origin links only; no downloads (PDF, CSV, ZIP: a link
 * with a download attribute, a file name, or a route whose handler answers with a file), no
 * signing out, no language switch (it would change the language of the rest of the walk), no
 * static files. Every page of the portal changes nothing on a GET, so following links is safe.
 * <p>
 * Pages of one kind (a route: a list, an invoice's details, the Pay now blade; a later page of a
 * list is a kind of its own) look alike, so of each kind the walk opens the first and the last link
 * a page offers (the newest and the oldest of a list), and no more of that kind than it was told.
 */
final class PageWalk {

	private static final Pattern LATER_PAGE = Pattern.compile("[?&]page=[1-9]");

	/**
	 * Never followed, whatever the handler mapping says: files (PDF, CSV, ZIP) and signing out. The
	 * portal signs out with a form (POST) and changes nothing on a GET, but a link to either would
	 * end or spoil the walk.
	 */
	private static final Pattern NEVER = Pattern.compile("(?i)\\.(pdf|csv|zip)$|^/logout\\b");

	private static final String LINKS = "return Array.from(document.querySelectorAll('a[href]'))"
			+ ".filter(function (a) { return !a.hasAttribute('download'); }).map(function (a) { return a.href; });";

	private final Browser browser;

	private final Routes routes;

	private final String origin;

	private final int perKind;

	private final Map<String, Integer> openedByKind = new HashMap<>();

	private final Set<String> seen = new LinkedHashSet<>();

	private final Set<String> reachedRoutes = new TreeSet<>();

	PageWalk(Browser browser, Routes routes, int perKind) {
		this.browser = browser;
		this.routes = routes;
		this.perKind = perKind;
		URI base = URI.create(browser.url("/"));
		this.origin = base.getScheme() + "://" + base.getAuthority();
	}

	/** Opens each page reached from the start paths and hands it to the check; returns the paths opened. */
	List<String> walk(List<String> start, Consumer<String> check) {
		Deque<String> queue = new ArrayDeque<>();
		offer(queue, start.stream().map(this.browser::url).toList());
		List<String> opened = new ArrayList<>();
		while (!queue.isEmpty()) {
			String path = queue.poll();
			this.browser.go(path);
			this.routes.patternOf(pathOnly(path)).ifPresent(this.reachedRoutes::add);
			String landed = local(this.browser.driver().getCurrentUrl());
			if (landed == null || (!landed.equals(path) && !this.seen.add(landed))) {
				continue; // left the portal, or a redirect to a page already checked
			}
			this.routes.patternOf(pathOnly(landed)).ifPresent(this.reachedRoutes::add);
			opened.add(landed);
			check.accept(landed);
			@SuppressWarnings("unchecked")
			List<String> links = (List<String>) this.browser.script(LINKS);
			offer(queue, links);
		}
		return opened;
	}

	/** The routes the walk followed (a redirect counts), e.g. {@code /billing/accounts/{accountId}}. */
	Set<String> reachedRoutes() {
		return this.reachedRoutes;
	}

	/** Queues the first and the last new link of each kind, while the kind has room. */
	private void offer(Deque<String> queue, List<String> links) {
		Map<String, List<String>> byKind = new LinkedHashMap<>();
		for (String link : links) {
			String path = local(link);
			if (path == null || this.seen.contains(path) || path.contains("lang=")
					|| NEVER.matcher(pathOnly(path)).find() || !this.routes.isPage(pathOnly(path))) {
				continue;
			}
			byKind.computeIfAbsent(kind(path), (k) -> new ArrayList<>()).add(path);
		}
		byKind.forEach((kind, paths) -> {
			for (String path : new LinkedHashSet<>(List.of(paths.get(0), paths.get(paths.size() - 1)))) {
				if (this.openedByKind.getOrDefault(kind, 0) < this.perKind && this.seen.add(path)) {
					this.openedByKind.merge(kind, 1, Integer::sum);
					queue.add(path);
				}
			}
		});
	}

	/**
	 * The route, and whether the page is a later page of a list (its pager differs). Filters (a
	 * billing profile, a status) change which rows a list shows, not what kind of page it is.
	 */
	private String kind(String path) {
		String pattern = this.routes.patternOf(pathOnly(path)).orElse(pathOnly(path));
		return LATER_PAGE.matcher(path).find() ? pattern + " (a later page)" : pattern;
	}

	/** The path and query of a URL of the portal, without its fragment; null for any other URL. */
	private String local(String url) {
		if (url == null || !url.startsWith(this.origin + "/")) {
			return null;
		}
		String path = url.substring(this.origin.length());
		int hash = path.indexOf('#');
		return (hash < 0) ? path : path.substring(0, hash);
	}

	private static String pathOnly(String path) {
		int q = path.indexOf('?');
		return (q < 0) ? path : path.substring(0, q);
	}

}
