package com.billingportal.account.web;

import java.util.Map;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.AccountAccessQuery;
import com.billingportal.portal.NotFoundException;
import com.billingportal.user.PortalUser;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives a controller method the signed-in user's {@link AccountAccess} to the billing account of
 * the path ({@code /billing/accounts/{accountId}/...}): "not found" when they have no role on it,
 * or when the id cannot be one. Every page of an account starts here.
 */
class AccountAccessResolver implements HandlerMethodArgumentResolver {

	private static final String ATTRIBUTE = AccountAccessResolver.class.getName() + ".access";

	private final AccountAccessQuery accounts;

	AccountAccessResolver(AccountAccessQuery accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == AccountAccess.class;
	}

	@Override
	public AccountAccess resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
			NativeWebRequest request, WebDataBinderFactory binders) {
		// Read once per request, however many handler and model methods ask.
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof AccountAccess known) {
			return known;
		}
		AccountAccess access = lookUp(request);
		request.setAttribute(ATTRIBUTE, access, RequestAttributes.SCOPE_REQUEST);
		return access;
	}

	private AccountAccess lookUp(NativeWebRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		String accountId = (path != null) ? path.get("accountId") : null;
		if (accountId == null || !accountId.matches("[0-9]{1,18}")
				|| !(request.getUserPrincipal() instanceof Authentication auth)
				|| !(auth.getPrincipal() instanceof PortalUser user)) {
			throw new NotFoundException("Billing account");
		}
		return this.accounts.access(user.id(), Long.parseLong(accountId));
	}

}
