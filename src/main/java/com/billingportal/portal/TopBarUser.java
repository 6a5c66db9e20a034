package com.billingportal.portal;

import com.billingportal.user.PortalUser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The signed-in user, for the top bar of the layout: a request attribute that every page rendered
 * by the dispatcher can read, error pages included ({@code signedInUser}, null for a visitor who has
 * not signed in). The layout used Spring Security's {@code sec:authorize="isAuthenticated()"} and
 * {@code sec:authentication}, which look up the expression handler, parse the expression and
 * resolve its method reflectively on every page: 5.6 % of the home page's CPU (async-profiler,
 * docs/performance.md). Set before the handler runs, on every dispatch that has a handler (an error
 * page through {@code /error} included); {@code TopBarUserTest}.
 */
final class TopBarUser implements HandlerInterceptor {

	static final String ATTRIBUTE = "signedInUser";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof PortalUser user) {
			request.setAttribute(ATTRIBUTE, user);
		}
		return true;
	}

}
