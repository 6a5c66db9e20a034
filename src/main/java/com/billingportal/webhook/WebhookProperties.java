package com.billingportal.webhook;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhooks ({@code billing.webhooks.*}).
 * @param endpoints endpoints from configuration, by name: each receives the events of every account
 * @param retryInitial the wait after the first failed attempt; it doubles after each one
 * @param retryMax the longest wait between two attempts
 * @param giveUpAfter how long after the event a webhook is still retried (then FAILED)
 * @param timeout how long a receiver may take to answer
 * @param lease how long a node holds an attempt it claimed; at least twice {@code timeout}
 * @param allowHttp whether endpoints may be plain http URLs (default: https only)
 * @param allowPrivateNetworks whether endpoints may be on loopback, private, link-local and other
 * non-public addresses (default: refused; for tests and receivers inside the company's network)
 */
@ConfigurationProperties("billing.webhooks")
public record WebhookProperties(Map<String, Endpoint> endpoints, Duration retryInitial, Duration retryMax,
		Duration giveUpAfter, Duration timeout, Duration lease, boolean allowHttp, boolean allowPrivateNetworks) {

	public WebhookProperties {
		endpoints = (endpoints != null) ? Map.copyOf(endpoints) : Map.of();
		retryInitial = (retryInitial != null) ? retryInitial : Duration.ofSeconds(30);
		retryMax = (retryMax != null) ? retryMax : Duration.ofHours(6);
		giveUpAfter = (giveUpAfter != null) ? giveUpAfter : Duration.ofDays(3);
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		lease = (lease != null) ? lease : Duration.ofMinutes(1);
		// An attempt's end is written only under its own lease (WebhookDelivery): sends that outlived
		// it every time would be claimed again and again, never counted, never given up.
		if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("billing.webhooks.lease (" + lease
					+ ") must be at least twice billing.webhooks.timeout (" + timeout + ")");
		}
		endpoints.forEach((name, endpoint) -> {
			WebhookUrls.formRefusal(endpoint.url(), allowHttp).ifPresent((reason) -> {
				throw new IllegalArgumentException("billing.webhooks.endpoints." + name + ".url " + reason);
			});
			if (endpoint.secret() == null || endpoint.secret().length() < 16) {
				throw new IllegalArgumentException(
						"billing.webhooks.endpoints." + name + ".secret must be at least 16 characters");
			}
		});
	}

	/** The wait before attempt {@code attempts + 1}: retryInitial doubled per failed attempt, at most retryMax. */
	Duration backoff(int attempts) {
		Duration wait = this.retryInitial;
		for (int i = 1; i < attempts && wait.compareTo(this.retryMax) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.retryMax) > 0) ? this.retryMax : wait;
	}

	public record Endpoint(String url, String secret) {

		@Override
		public String toString() {
			return "Endpoint[url=" + this.url + "]";
		}

	}

}
