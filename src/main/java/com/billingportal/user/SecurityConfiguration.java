package com.billingportal.user;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in, sessions and the headers of every response (OWASP ASVS level 2, see docs/security.md).
 * Permissions on billing accounts are not decided here but by {@code account.AccountAccess}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The cookie of Spring Security's {@link CookieRequestCache}: the page asked for before signing in. */
	static final String PAGE_ASKED_FOR_COOKIE = "REDIRECT_URI";

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
			ObjectProvider<SignInLanding> landings, CookieSerializer sessionCookie, CsrfTokenRepository csrfTokens)
			throws Exception {
		requireManagementPortOfItsOwn(environment);
		// Nothing here stores a session for a visitor who has not signed in (docs/security.md,
		// "Sessions before sign-in"): the sign-in form's CSRF token, the page asked for before signing
		// in and a failed attempt are kept in cookies or in the address, never in a session row.
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
		failure.setAllowSessionCreation(false);
		CookieRequestCache pagesAskedFor = pagesAskedFor();
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
				.failureHandler(failure)
				.successHandler(new SignInSuccess(landings, pagesAskedFor)))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("JSESSIONID", "SESSION", CsrfTokens.COOKIE, PAGE_ASKED_FOR_COOKIE))
			// A new session id at sign-in; a request with a session that timed out goes to the sign-in page.
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId())
				.invalidSessionStrategy(new SessionExpired(sessionCookie)))
			.addFilterBefore(new StaleSessionIgnoredOnPublicPages(), SessionManagementFilter.class)
			.requestCache((cache) -> cache.requestCache(pagesAskedFor))
			// A form without its token is refused with 403, also when the session behind it has expired.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
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

	/** Forms' CSRF tokens: in the session once signed in, in a cookie before ({@link CsrfTokens}). */
	@Bean
	CsrfTokenRepository csrfTokens() {
		return new CsrfTokens();
	}

	/**
	 * The page a visitor asked for before signing in, to go back to after: kept in a cookie (path and
	 * query only; {@link CookieRequestCache} redirects to this host alone), for page views only: not
	 * for forms, scripts' requests or the favicon.
	 */
	static CookieRequestCache pagesAskedFor() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod())
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/favicon."));
		cache.setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}

	/**
	 * On a public page (the sign-in page above all) a session cookie the store does not have is
	 * ignored instead of answered with a redirect to the sign-in page: {@link SessionExpired} deletes
	 * the cookie it can see, but a {@code SESSION} cookie of a parent domain or another path (another
	 * application's, or one planted from a sibling domain) cannot be deleted from here, and every
	 * request, the sign-in page's included, would redirect to the sign-in page for ever.
	 */
	static final class StaleSessionIgnoredOnPublicPages extends OncePerRequestFilter {

		private final RequestMatcher publicPages = new OrRequestMatcher(Arrays.stream(PUBLIC)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean stale = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
			chain.doFilter((stale && this.publicPages.matches(request)) ? new HttpServletRequestWrapper(request) {
				@Override
				public String getRequestedSessionId() {
					return null;
				}
			} : request, response);
		}

	}

	/**
	 * A request with a session cookie the store no longer has (timed out, signed out elsewhere):
	 * the cookie is deleted and the browser sent to the sign-in page, which says so. No new session
	 * is made for it (Spring Security's default would store one, for every such request).
	 */
	static final class SessionExpired implements InvalidSessionStrategy {

		private final CookieSerializer cookies;

		private final RedirectStrategy redirect = new DefaultRedirectStrategy();

		SessionExpired(CookieSerializer cookies) {
			this.cookies = cookies;
		}

		@Override
		public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			this.cookies.writeCookieValue(new CookieSerializer.CookieValue(request, response, ""));
			this.redirect.sendRedirect(request, response, "/login?expired");
		}

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
