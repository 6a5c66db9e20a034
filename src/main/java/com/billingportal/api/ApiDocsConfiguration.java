package com.billingportal.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's OpenAPI description (springdoc, {@code /v3/api-docs}) and Swagger UI
 * ({@code /swagger-ui.html}), open to anyone: they describe the API and hold no data or secret;
 * calling the API from Swagger UI still needs a key (Authorize). Turned off with
 * {@code springdoc.api-docs.enabled=false} and {@code springdoc.swagger-ui.enabled=false}.
 * Swagger UI sets inline styles, so its own files under {@code /swagger-ui/} get a Content
 * Security Policy that allows them; every other answer keeps the portal's (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Billing Portal API", version = "v1",
		description = "Issue invoices, read payments, refund, for a billing system. See docs/api.md."),
		security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API key created by an operator (--api-key.create=NAME)")
class ApiDocsConfiguration {

	static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	/** Swagger UI's own pages: its scripts are files of its own, but React sets inline styles. */
	static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
		RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		HeaderWriter strict = new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
				new ContentSecurityPolicyHeaderWriter(PORTAL_POLICY));
		HeaderWriter relaxed = new DelegatingRequestMatcherHeaderWriter(swaggerUi,
				new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY));
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
				"/swagger-ui/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.addHeaderWriter(strict)
				.addHeaderWriter(relaxed)
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

}
