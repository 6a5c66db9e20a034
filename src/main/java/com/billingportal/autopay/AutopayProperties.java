package com.billingportal.autopay;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retries when the retries after a declined first attempt are due, counted from the first
 * attempt (default 1, 3 and 7 days)
 * @param interval how often the job looks for attempts that are due
 * @param initialDelay when the job first runs after a node starts
 * @param lease how long a node's claim of an attempt holds: a node that stops mid-attempt leaves it to
 * be made again after this (with the same idempotency key, so never charged twice)
 * @param batch attempts one run makes at most
 */
@ConfigurationProperties("billing.autopay")
public record AutopayProperties(@DefaultValue({ "1d", "3d", "7d" }) List<Duration> retries,
		@DefaultValue("5m") Duration interval, @DefaultValue("1m") Duration initialDelay,
		@DefaultValue("10m") Duration lease, @DefaultValue("100") int batch) {

}
