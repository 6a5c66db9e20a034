package com.billingportal.browser;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes every form post the server receives, so a browser test can tell how many times the
 * browser really submitted a form (the page alone cannot show a second, replayed submission).
 */
@TestComponent
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestRecorder extends OncePerRequestFilter {

	private final List<String> posts = new CopyOnWriteArrayList<>();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("POST".equals(request.getMethod())) {
			this.posts.add(request.getRequestURI());
		}
		chain.doFilter(request, response);
	}

	/** How many posts reached the server at a path (query string excluded). */
	public long postsTo(String path) {
		return this.posts.stream().filter(path::equals).count();
	}

}
