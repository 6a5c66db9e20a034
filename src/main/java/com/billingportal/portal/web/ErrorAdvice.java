package com.billingportal.portal.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.portal.NotFoundException;
import com.billingportal.portal.NotPermittedException;
import com.billingportal.user.PortalUser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors as pages of the portal, never with a stack trace. */
@ControllerAdvice
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	private static final Pattern ACCOUNT_PATH = Pattern.compile("^/billing/accounts/([0-9]{1,18})(/.*)?$");

	/**
	 * Not there, or an id that cannot be one (letters where a number belongs, a number too large):
	 * both are "not found", in the user's words, never a "bad request" that blames the server.
	 */
	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	String notFound(Exception ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("messageKey", "error.404.message");
		model.addAttribute("sandbox", this.sandbox.isShown());
		return "error";
	}

	private final AuditService audit;

	private final SandboxBadge sandbox;

	ErrorAdvice(AuditService audit, SandboxBadge sandbox) {
		this.sandbox = sandbox;
		this.audit = audit;
	}

	/** A refused action is an audit event: who asked for what. */
	@ExceptionHandler(NotPermittedException.class)
	String notPermitted(NotPermittedException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		log.info("Refused: {}", ex.messageKey());
		Actor actor = (request.getUserPrincipal() instanceof Authentication auth
				&& auth.getPrincipal() instanceof PortalUser user) ? user.actor()
						: new Actor(null, null);
		this.audit.record(actor, "ACCESS_REFUSED", "Request", null, accountIdIn(request.getRequestURI()),
				request.getMethod() + " " + request.getRequestURI() + ": " + ex.messageKey());
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("status", 403);
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("sandbox", this.sandbox.isShown());
		return "error";
	}

	/** The billing account a refused request was about, for the audit trail. */
	private static Long accountIdIn(String uri) {
		Matcher m = ACCOUNT_PATH.matcher(uri);
		return m.matches() ? Long.valueOf(m.group(1)) : null;
	}

}
