package com.billingportal.portal;

import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The portal speaks English and Simplified Chinese, and nothing else comes out of a request: a
 * language typed into {@code ?lang=}, kept in the {@code portal-lang} cookie or sent by the
 * browser is mapped onto one of the two (any Chinese to Simplified Chinese, anything else to
 * English), and only that is remembered. Junk never reaches the page or the cookie, and never
 * makes an error.
 */
class PortalLocales extends CookieLocaleResolver {

	static final String COOKIE = "portal-lang";

	private final ObjectProvider<UserService> users;


	PortalLocales(ObjectProvider<UserService> users) {
		super(COOKIE);
		this.users = users;
		setDefaultLocale(null);
		setRejectInvalidCookies(false);
		setDefaultLocaleFunction((request) -> supported(browserLocale(request)));
	}

	/** One of the two languages the portal has. */
	static Locale supported(Locale requested) {
		return (requested != null && "zh".equals(requested.getLanguage())) ? Locale.SIMPLIFIED_CHINESE
				: Locale.ENGLISH;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return supported(super.resolveLocale(request));
	}

	/**
	 * Read when asked, not when made: the dispatcher makes the request's context (Spring's
	 * LocaleContextHolder) before the top bar's {@code ?lang=} changes the language (Spring's
	 * LocaleChangeInterceptor, PortalConfiguration), and what is written in Java for the page (the
	 * Invoices list's rows, amounts) asks it afterwards. The cookie resolver's own context reads the
	 * language the request holds at that moment; like the request it reads, it is not to be kept
	 * past the request.
	 */
	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		LocaleContext resolved = super.resolveLocaleContext(request);
		return new TimeZoneAwareLocaleContext() {
			@Override
			public Locale getLocale() {
				return supported(resolved.getLocale());
			}

			@Override
			public TimeZone getTimeZone() {
				return (resolved instanceof TimeZoneAwareLocaleContext aware) ? aware.getTimeZone() : null;
			}
		};
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
			LocaleContext context) {
		Locale chosen = (context != null) ? context.getLocale() : null;
		super.setLocaleContext(request, response,
				(chosen != null) ? new SimpleLocaleContext(supported(chosen)) : null);
		if (chosen != null) {
			saveForSignedInUser(supported(chosen));
		}
	}

	/** A signed-in user's choice is saved with them too: their emails are written in it. */
	private void saveForSignedInUser(Locale locale) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		UserService service = (this.users != null) ? this.users.getIfAvailable() : null;
		if (service != null && signedIn != null && signedIn.getPrincipal() instanceof PortalUser user) {
			service.saveLanguage(user.id(), locale);
		}
	}

	private static Locale browserLocale(HttpServletRequest request) {
		try {
			return request.getLocale();
		}
		catch (RuntimeException unparsable) {
			return Locale.ENGLISH;
		}
	}

}
