package com.billingportal.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket of each key: a burst of the minute's rate, then one request per refilled token. */
class ApiRateLimiterTest {

	static final class StepClock extends Clock {

		Instant now = Instant.parse("2026-12-01T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void aBurstOfTheRateThenWaitingForTheNextToken() {
		StepClock clock = new StepClock();
		ApiRateLimiter limiter = new ApiRateLimiter(new ApiProperties(60), clock);
		for (int i = 0; i < 60; i++) {
			assertThat(limiter.take(1)).as("request %d", i).isZero();
		}
		assertThat(limiter.take(1)).isEqualTo(1);
		assertThat(limiter.take(2)).as("another key's bucket").isZero();
		clock.now = clock.now.plus(Duration.ofMillis(1000));
		assertThat(limiter.take(1)).isZero();
		assertThat(limiter.take(1)).isEqualTo(1);
		clock.now = clock.now.plus(Duration.ofHours(1));
		for (int i = 0; i < 60; i++) {
			assertThat(limiter.take(1)).isZero();
		}
		assertThat(limiter.take(1)).isPositive();
	}

}
