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
 * A static file's bytes, read from the class path once and then served from memory. Spring's
 * resource chain caches what its transformers return, but the one it adds for hashed URLs,
 * {@code CssLinkResourceTransformer}, returns a script, an image or a style sheet without links
 * as the file itself, and the file opens its jar entry and inflates it on every read: each request
 * read the file anew (docs/performance.md, "What each change bought"). Spring's cache holds what
 * this returns, by the file: only files that exist, at most twice each (under their plain and their
 * hashed URL), some 24 KB in all. The headers the version's resolver gives the file (its ETag) are
 * kept. Tested by {@code StaticFilesTest}.
 */
final class StaticFilesInMemory implements ResourceTransformer {

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource file = chain.transform(request, resource);
		try (InputStream in = file.getInputStream()) {
			return new InMemory(file, in.readAllBytes());
		}
	}

	/** A file's bytes, name and date, and the headers its resolver gave it. */
	static final class InMemory extends TransformedResource implements HttpResource {

		private final HttpHeaders headers;

		InMemory(Resource file, byte[] content) throws IOException {
			super(file, content);
			this.headers = HttpHeaders
				.readOnlyHttpHeaders((file instanceof HttpResource http) ? http.getResponseHeaders() : new HttpHeaders());
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			return this.headers;
		}

	}

}
