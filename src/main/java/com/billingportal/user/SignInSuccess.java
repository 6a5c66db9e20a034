package com.billingportal.user;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After a successful sign-in: the first {@link SignInLanding} that has something waiting, else
 * the page the user asked for before signing in, else the home page.
 */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	private final ObjectProvider<SignInLanding> landings;

	private final RequestCache pagesAskedFor;

	SignInSuccess(ObjectProvider<SignInLanding> landings, RequestCache pagesAskedFor) {
		this.landings = landings;
		this.pagesAskedFor = pagesAskedFor;
		setDefaultTargetUrl("/");
		setRequestCache(pagesAskedFor);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		Optional<String> landing = (authentication.getPrincipal() instanceof PortalUser user) ? this.landings.orderedStream()
			.map((l) -> l.after(user))
			.flatMap(Optional::stream)
			.findFirst() : Optional.empty();
		if (landing.isPresent()) {
			clearAuthenticationAttributes(request);
			// The landing wins; the page asked for is dropped, so that a later sign-in does not go there.
			this.pagesAskedFor.removeRequest(request, response);
			getRedirectStrategy().sendRedirect(request, response, landing.get());
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
