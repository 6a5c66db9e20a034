package com.billingportal.webhook.web;

import com.billingportal.webhook.WebhookEndpoints;
import com.billingportal.webhook.WebhookEndpoints.DeliveryLog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * The delivery log of every webhook endpoint for operators, on the management port only
 * ({@code GET /actuator/webhooks?page=&size=&status=}, docs/operations.md): status, attempts, last
 * response code and error, next attempt, newest first. Read-only; no secret, body or signature.
 */
@Component
@Endpoint(id = "webhooks")
public class WebhookDeliveryLogEndpoint {

	private static final java.util.Set<String> STATUSES = java.util.Set.of("PENDING", "SENDING", "DELIVERED", "FAILED");

	private final WebhookEndpoints endpoints;

	WebhookDeliveryLogEndpoint(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	/** A page ({@code page} from 0, {@code size} 1-200, 50 by default); {@code status} one of the four or none. */
	@ReadOperation
	public DeliveryLog deliveries(@Nullable Integer page, @Nullable Integer size, @Nullable String status) {
		String only = (status != null && STATUSES.contains(status.toUpperCase(java.util.Locale.ROOT)))
				? status.toUpperCase(java.util.Locale.ROOT) : null;
		int pageSize = (size != null) ? Math.max(1, Math.min(size, 200)) : 50;
		int number = (page != null) ? Math.max(0, Math.min(page, 1_000_000)) : 0;
		return this.endpoints.deliveryLog(number, pageSize, only);
	}

}
