package com.billingportal.user;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sign-in, sessions and the headers of every response (OWASP ASVS level 2, see docs/security.md).
 * Permissions on billing accounts are not decided here but by {@code account.AccountAccess}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	/**
	 * Pages anyone may open: signing in, creating a billing account, an invited admin's link to set a
	 * password, static files, errors, and the load balancer's liveness and readiness probes (status only).
	 */
	static final String[] PUBLIC = { "/login", "/signup", "/welcome", "/css/**", "/js/**", "/images/**", "/favicon.ico",
			"/error", "/livez", "/readyz" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuditService audit, Environment environment,
			ObjectProvider<SignInLanding> landings) throws Exception {
		requireManagementPortOfItsOwn(environment);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
			.permitAll()
			// Answered only on the management port, which is bound to the machine itself (so that
			// no forwarded header can make a remote client look local); on this port: 404 for all.
			.requestMatchers("/actuator", "/actuator/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// PasswordSignIn checks the form (the lockout first); one message for a wrong password, an
			// unknown email and a locked account (ASVS 2.2.1, 3.x).
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.failureUrl("/login?error")
				.successHandler(new SignInSuccess(landings)))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("JSESSIONID", "SESSION"))
			// A new session id at sign-in; a request with a session that timed out goes to the sign-in page.
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId())
				.invalidSessionUrl("/login?expired"))
			// A form without its token is refused with 403, also when the session behind it has expired.
			.csrf((csrf) -> csrf.withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
				@Override
				public <O extends CsrfFilter> O postProcess(O filter) {
					filter.setAccessDeniedHandler(auditedAccessDenied(audit));
					return filter;
				}
			}))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(auditedAccessDenied(audit)))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	/**
	 * The actuator's metrics cover every tenant and its port has no sign-in: it must not share the
	 * application's port (management.server.port; -1 turns the actuator off).
	 */
	static void requireManagementPortOfItsOwn(Environment environment) {
		if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
			throw new IllegalStateException("management.server.port must differ from server.port (or be -1): "
					+ "the actuator's endpoints must not be served on the application's port");
		}
	}

	/** A refused request (a form without its CSRF token, mostly) is an audit event, then a 403. */
	private static AccessDeniedHandler auditedAccessDenied(AuditService audit) {
		return (request, response, denied) -> {
			Authentication who = SecurityContextHolder.getContext().getAuthentication();
			Actor actor = (who != null && who.getPrincipal() instanceof PortalUser user)
					? new Actor(user.id(), user.email()) : new Actor(null, null);
			audit.record(actor, "ACCESS_REFUSED", "Request", null, null,
					request.getMethod() + " " + request.getRequestURI() + ": " + denied.getClass().getSimpleName());
			if (!response.isCommitted()) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
		};
	}

	/**
	 * The session cookie of Spring Session ("SESSION"): not readable by scripts, not sent on
	 * cross-site sub-requests, and Secure whenever the request came over HTTPS (behind a proxy, the
	 * request knows it from X-Forwarded-Proto: server.forward-headers-strategy in application.yaml).
	 */
	@Bean
	DefaultCookieSerializer cookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName("SESSION");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}

	/**
	 * No tracing spans around each security filter, the authentication and the authorization of
	 * every request: nothing records traces here, and wrapping each filter cost time on every request
	 * (docs/performance.md). Metrics of the requests themselves stay on.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
