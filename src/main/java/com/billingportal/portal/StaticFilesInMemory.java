package com.billingportal.portal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * A static file read from the class path once and then served from memory. The resource chain
 * keeps what its transformers return ({@code CachingResourceTransformer}), but its own transformer
 * passes a file it does not change (the style sheet has no link to rewrite) through as the file
 * itself, so every request opened the file's entry in the jar, inflated it, and asked the jar for
 * its length and date: a third of the style sheet's CPU time (async-profiler, docs/performance.md).
 * The files are the portal's own, some 48 KB in all, and they change only with a new build: their
 * URLs carry a hash of their content. The headers the file's resolver adds (its ETag) are kept.
 * Tested by {@code StaticFilesTest}.
 */
final class StaticFilesInMemory implements ResourceTransformer {

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource transformed = chain.transform(request, resource);
		if (transformed instanceof InMemory) {
			return transformed;
		}
		try (InputStream in = transformed.getInputStream()) {
			return new InMemory(transformed, in.readAllBytes());
		}
	}

	/** A file's bytes, name and date, and the headers its resolver gave it. */
	static final class InMemory extends TransformedResource implements HttpResource {

		private final HttpHeaders headers;

		InMemory(Resource file, byte[] content) throws IOException {
			super(file, content);
			this.headers = (file instanceof HttpResource http) ? HttpHeaders.readOnlyHttpHeaders(http.getResponseHeaders())
					: HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			return this.headers;
		}

	}

}
