package com.billingportal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's settings ({@code billing.api.*}).
 * @param requestsPerMinute the rate limit of each key, on each node (a token bucket that refills
 * evenly; a burst of up to this many requests is allowed)
 */
@ConfigurationProperties("billing.api")
public record ApiProperties(Integer requestsPerMinute) {

	public ApiProperties {
		if (requestsPerMinute == null) {
			requestsPerMinute = 120;
		}
		if (requestsPerMinute < 1) {
			throw new IllegalArgumentException("billing.api.requests-per-minute must be at least 1");
		}
	}

}
