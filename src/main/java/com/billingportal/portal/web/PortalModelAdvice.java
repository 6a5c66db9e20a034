package com.billingportal.portal.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the portal shell shows on every page. */
@ControllerAdvice
class PortalModelAdvice {

	private final SandboxBadge sandbox;

	PortalModelAdvice(SandboxBadge sandbox) {
		this.sandbox = sandbox;
	}

	@ModelAttribute("sandbox")
	boolean sandbox() {
		return this.sandbox.isShown();
	}

}
