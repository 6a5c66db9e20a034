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
 * before that (the sign-in and sign-up pages). A visitor who is not signed in therefore costs no
 * session row: before, every anonymous view of the sign-in page wrote one to the database, kept for
 * the 30-minute idle time-out (docs/security.md, "Sessions").
 * <p>
 * Signed-in forms (paying, cards, users) accept only the session's token, never the cookie's, so
 * a token planted as a cookie (from a sibling domain, say) opens none of them. The cookie is
 * {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} over HTTPS; no script reads it, the
 * pages carry the token in their forms.
 */
final class CsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "portal-csrf";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	CsrfTokens() {
		this.cookie.setCookieName(COOKIE);
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
		return (request.getSession(false) != null) ? this.session.loadToken(request) : this.cookie.loadToken(request);
	}

}
