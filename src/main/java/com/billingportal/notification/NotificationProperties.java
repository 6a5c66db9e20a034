package com.billingportal.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billing.notifications.*}: the sender, the portal's address in links, and how delivery
 * retries. Whether mail goes out at all is {@code spring.mail.host}'s: without it emails are kept.
 *
 * @param from the From address
 * @param baseUrl the portal's address as recipients reach it, for the links in emails
 * @param retryInitial the wait after a first failed attempt; doubled after each further one
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts attempts before an email is given up as Failed
 * @param lease how long one node holds an email it is sending before another may try it
 */
@ConfigurationProperties("billing.notifications")
public record NotificationProperties(@DefaultValue("Billing Portal <no-reply@billing-portal.local>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("1m") Duration retryInitial,
		@DefaultValue("1h") Duration retryMax, @DefaultValue("10") int maxAttempts,
		@DefaultValue("5m") Duration lease) {

	/** The wait before the next attempt after {@code attempts} failed ones. */
	Duration backoff(int attempts) {
		Duration wait = this.retryInitial;
		for (int i = 1; i < attempts && wait.compareTo(this.retryMax) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.retryMax) > 0) ? this.retryMax : wait;
	}

	String link(String path) {
		return this.baseUrl.replaceFirst("/+$", "") + path;
	}

}
