package com.billingportal.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer <key>} header and applies the
 * key's rate limit. A request without a valid key goes on unauthenticated and is answered 401 by
 * the chain's entry point; the key is never logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	private final ApiRateLimiter limiter;

	ApiKeyFilter(ApiKeys keys, ApiRateLimiter limiter) {
		this.keys = keys;
		this.limiter = limiter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			var client = this.keys.authenticate(header.substring(BEARER.length()).trim());
			if (client.isPresent()) {
				long wait = this.limiter.take(client.get().keyId());
				if (wait > 0) {
					response.setHeader("Retry-After", String.valueOf(wait));
					ApiProblemResponses.write(response, 429, "Too Many Requests",
							"This API key has made too many requests; retry after " + wait + " s.", "rate-limited");
					return;
				}
				var authentication = UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
						List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT")));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			}
		}
		chain.doFilter(request, response);
	}

}
