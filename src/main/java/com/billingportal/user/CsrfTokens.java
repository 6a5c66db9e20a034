package com.billingportal.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where a form's CSRF token is kept: in the session once there is one (signed in), in a cookie
 * before that (the sign-in and sign-up pages, an invited admin's password page). A visitor who is
 * not signed in therefore costs no session row: before, every anonymous view of the sign-in page
 * wrote one to the database, kept for the 30-minute idle time-out (docs/security.md, "Sessions
 * before sign-in").
 * <p>
 * Signed-in forms (paying, cards, users) accept only the session's token, never the cookie's, so
 * a token planted as a cookie (from a sibling domain, say) opens none of them. The cookie is
 * {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} over HTTPS; no script reads it, the
 * pages carry the token in their forms. A cookie's token answers only requests the browser says
 * come from the portal's own pages ({@code Sec-Fetch-Site}), so a page on a sibling domain that
 * planted the cookie cannot post the sign-in form with it (login CSRF); a client that sends no such
 * header is taken as it is.
 */
final class CsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "portal-csrf";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	CsrfTokens() {
		this.cookie.setCookieName(COOKIE);
		// The session's header name: a token reads the same wherever it is kept.
		this.cookie.setHeaderName("X-CSRF-TOKEN");
		this.cookie.setCookiePath("/");
		this.cookie.setCookieCustomizer((c) -> c.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			this.session.saveToken(null, request, response);
			if (WebUtils.getCookie(request, COOKIE) != null) {
				this.cookie.saveToken(null, request, response);
			}
		}
		else if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		if (request.getSession(false) != null) {
			return this.session.loadToken(request);
		}
		return fromThePortalsOwnPages(request) ? this.cookie.loadToken(request) : null;
	}

	/** What the browser says of where the request comes from: the portal itself, or typed in. */
	static boolean fromThePortalsOwnPages(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return site == null || "same-origin".equals(site) || "none".equals(site);
	}

}
