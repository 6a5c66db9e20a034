package com.billingportal.user;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.authorization.AuthorizationDecision;
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

	/** Pages anyone may open: signing in, creating a billing account, static files and errors. */
	static final String[] PUBLIC = { "/login", "/signup", "/css/**", "/js/**", "/images/**", "/favicon.ico",
			"/error", "/actuator/health", "/actuator/health/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuditService audit,
			ObjectProvider<SignInLanding> landings) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
			.permitAll()
			// Metrics cover every tenant: only an operator on the machine itself may read them.
			.requestMatchers("/actuator/**")
			.access((authentication, context) -> new AuthorizationDecision(isLoopback(context.getRequest())))
			.anyRequest()
			.authenticated())
			// One message for a wrong password, an unknown email and a locked account (ASVS 2.2.1, 3.x).
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

	static boolean isLoopback(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
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
	 * cross-site sub-requests, and Secure whenever the request came over HTTPS (behind a proxy, set
	 * server.forward-headers-strategy so that the request knows it).
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
