package com.billingportal.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The GET routes of the application, read from its handler mapping (as the route matrix does): a
 * URL of the portal is named by its route pattern, and a route whose handler answers with a file
 * (a {@link ResponseEntity}: PDF, CSV) is a download, not a page.
 */
final class Routes {

	private final List<Route> routes = new ArrayList<>();

	Routes(RequestMappingHandlerMapping mapping) {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			boolean page = !ResponseEntity.class.isAssignableFrom(entry.getValue().getReturnType().getParameterType());
			for (String pattern : entry.getKey().getPatternValues()) {
				this.routes.add(new Route(PathPatternParser.defaultInstance.parse(pattern), page));
			}
		}
	}

	/** The route pattern of a path, e.g. {@code /billing/accounts/{accountId}/invoices}; empty for static files. */
	Optional<String> patternOf(String path) {
		return matching(path).map(PathPattern::getPatternString).findFirst();
	}

	/** Whether the path is a page of the portal: not a download, not a static file. */
	boolean isPage(String path) {
		Optional<String> pattern = patternOf(path);
		return pattern.isPresent() && this.routes.stream()
			.anyMatch((r) -> r.page() && r.pattern().getPatternString().equals(pattern.get()));
	}

	/** Every GET route that renders a page. */
	Set<String> pages() {
		return this.routes.stream()
			.filter(Route::page)
			.map((r) -> r.pattern().getPatternString())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private Stream<PathPattern> matching(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.routes.stream()
			.map(Route::pattern)
			.filter((p) -> p.matches(container))
			.sorted(PathPattern.SPECIFICITY_COMPARATOR);
	}

	private record Route(PathPattern pattern, boolean page) {
	}

}
