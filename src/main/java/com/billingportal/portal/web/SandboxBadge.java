package com.billingportal.portal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The "Sandbox" badge of the top bar, shown while cards are charged by the sandbox processor. Read
 * from the configuration that picks the gateway, so that the shell knows nothing of payments.
 */
@Component
class SandboxBadge {

	private final boolean shown;

	SandboxBadge(@Value("${billing.gateway.kind:sandbox}") String gatewayKind) {
		this.shown = "sandbox".equals(gatewayKind);
	}

	boolean isShown() {
		return this.shown;
	}

}
