package com.billingportal.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per API key, kept in this node's memory: with several nodes behind a load
 * balancer each node allows the rate on its own (docs/api.md). Enough to keep one runaway client
 * from crowding out the others; not an accounting of usage.
 */
@Component
public class ApiRateLimiter {

	private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

	private final int capacity;

	private final Clock clock;

	ApiRateLimiter(ApiProperties properties, Clock clock) {
		this.capacity = properties.requestsPerMinute();
		this.clock = clock;
	}

	/** 0 when the key may make a request now (and takes a token); else the seconds to wait. */
	public long take(long keyId) {
		long now = this.clock.millis();
		Bucket bucket = this.buckets.computeIfAbsent(keyId, (id) -> new Bucket(this.capacity, now));
		synchronized (bucket) {
			double perMilli = this.capacity / 60_000.0;
			bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMilli);
			bucket.at = Math.max(bucket.at, now);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0);
		}
	}

	/** Forgets every bucket (tests). */
	public void reset() {
		this.buckets.clear();
	}

	private static final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

}
