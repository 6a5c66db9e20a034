package com.billingportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, which a test may move forward (e.g. past the reconciler's grace period). Back
 * to the real time before each test class.
 */
public class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	private final ZoneId zone = ZoneId.systemDefault();

	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
