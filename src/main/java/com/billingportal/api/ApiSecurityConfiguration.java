package com.billingportal.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The API's own security filter chain, before the browser's: {@code /api/**} only, stateless (no
 * session is read or created, so no session cookie can authenticate a call and no CSRF token is
 * needed), authenticated by an API key alone; every refusal is a problem detail. The browser's
 * chain ({@code user.SecurityConfiguration}) is unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfiguration {

	/** Nothing in an API answer is ever a page: no script, no style, no frame. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
			+ "form-action 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeys keys, ApiRateLimiter limiter)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("API_CLIENT"))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((context) -> context.requireExplicitSave(true))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.addFilterBefore(new ApiKeyFilter(keys, limiter), AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
				// Anything but an API key (a portal user's authentication, however it got here) is no
				// authentication for the API: 401, as without a key.
				.accessDeniedHandler((request, response, ex) -> {
					var who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
					if (who == null || !(who.getPrincipal() instanceof ApiClient)) {
						unauthorized(response);
						return;
					}
					ApiProblemResponses.write(response, 403, "Forbidden", "This API key may not do this.", "forbidden");
				}))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	private static void unauthorized(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		ApiProblemResponses.write(response, 401, "Unauthorized", "Send a valid API key as Authorization: Bearer <key>.",
				"unauthorized");
	}

}
