package com.billingportal.portal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Thymeleaf's links ({@code @{...}}), given to the response's {@code encodeURL} only when they
 * point into a folder of static files, whose names it rewrites to their content-hashed form
 * ({@link StaticFilesConfiguration}). For every other link {@code encodeURL} gives the link back
 * unchanged (the portal never writes a session id into a URL: Spring Security's
 * {@code DisableEncodeUrlFilter}), but only after Spring's {@code ResourceUrlEncodingFilter} has
 * matched it against every static folder's pattern: some twenty links per page. A static file's
 * link (at the root context, without parameters) is rewritten once and kept: its hash is that of
 * the file in the application's class path, which does not change while the portal runs (three
 * fixed links in the templates, on every page, each resolved through the resource chain). Outside a
 * request (the emails) every link goes the standard way.
 */
final class StaticFileLinks extends StandardLinkBuilder {

	private final String[] folders;

	/** A static file's link → its content-hashed form; as many entries as the templates have such links. */
	private final Map<String, String> rewritten = new ConcurrentHashMap<>();

	/** @param folders the static folders as path prefixes, e.g. {@code /css/} */
	StaticFileLinks(String... folders) {
		this.folders = folders.clone();
	}

	@Override
	protected String processLink(IExpressionContext context, String link) {
		if (context instanceof IWebContext web) {
			String contextPath = web.getExchange().getRequest().getApplicationPath();
			if (!link.startsWith(contextPath) || !inStaticFolder(link, contextPath.length())) {
				return link;
			}
			// Kept only at the root context (a context path as the client spelled it would make
			// keys of its own), only without parameters, and only once actually hashed.
			if (!contextPath.isEmpty() || link.indexOf('?') >= 0) {
				return super.processLink(context, link);
			}
			String known = this.rewritten.get(link);
			if (known == null) {
				known = super.processLink(context, link);
				if (!known.equals(link)) {
					this.rewritten.put(link, known);
				}
			}
			return known;
		}
		return super.processLink(context, link);
	}

	private boolean inStaticFolder(String link, int from) {
		for (String folder : this.folders) {
			if (link.startsWith(folder, from)) {
				return true;
			}
		}
		return false;
	}

}
