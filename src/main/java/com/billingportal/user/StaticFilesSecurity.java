package com.billingportal.user;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Style sheets, scripts and images: the same for everyone, so they are served without reading or
 * creating a session, without a CSRF token and without a saved request, and with the long-lived
 * {@code Cache-Control} that their content-hashed URLs allow (spring.web.resources in
 * application.yaml) instead of the no-store header of the pages. Only GET and HEAD; the other
 * security headers stay. Spring Session's filter, which runs before every security filter chain and
 * would read the session row of a request that carries the cookie (and write it back), lets them
 * pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesSecurity {

	static final String[] PATHS = { "/css/**", "/js/**", "/images/**", "/favicon.ico" };

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
		http.securityMatcher(readsOf(PATHS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.disable())
			.securityContext((context) -> context.disable())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	/**
	 * Marks a read of a static file as already seen by Spring Session's filter, which then passes it on
	 * without looking up its session (the "already filtered" attribute of its once-per-request base
	 * class). Runs just before that filter.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> staticFilesWithoutSession() {
		RequestMatcher reads = readsOf(PATHS);
		String skipped = SessionRepositoryFilter.class.getName() + SessionRepositoryFilter.ALREADY_FILTERED_SUFFIX;
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (reads.matches(request)) {
					request.setAttribute(skipped, Boolean.TRUE);
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	private static RequestMatcher readsOf(String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher[] matchers = new RequestMatcher[patterns.length * 2];
		for (int i = 0; i < patterns.length; i++) {
			matchers[2 * i] = paths.matcher(HttpMethod.GET, patterns[i]);
			matchers[2 * i + 1] = paths.matcher(HttpMethod.HEAD, patterns[i]);
		}
		return new OrRequestMatcher(matchers);
	}

}
