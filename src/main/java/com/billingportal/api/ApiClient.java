package com.billingportal.api;

/**
 * Who calls the API: the key that authenticated the request and the client it belongs to. The
 * client's name scopes what the key reaches (the accounts linked to it in {@code api_account}).
 */
public record ApiClient(long keyId, String name) {

	/** The audit trail's actor for what the client does. */
	public com.billingportal.audit.AuditService.Actor actor() {
		return new com.billingportal.audit.AuditService.Actor(null, "api:" + this.name);
	}

}
