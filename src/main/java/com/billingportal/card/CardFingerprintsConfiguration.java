package com.billingportal.card;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** This deployment's {@link CardFingerprints}: under the configured key, or the demo's generated one. */
@Configuration(proxyBeanMethods = false)
class CardFingerprintsConfiguration {

	@Bean
	CardFingerprints cardFingerprints(CardProperties properties, JdbcTemplate jdbc, Clock clock) {
		String key;
		if (properties.hasFingerprintKey()) {
			key = properties.fingerprintKey();
		}
		else if (properties.generateFingerprintKey()) {
			key = DemoFingerprintKey.loadOrCreate(jdbc, clock);
		}
		else {
			throw new IllegalStateException("billing.cards.fingerprint-key is not set");
		}
		return new CardFingerprints(key.getBytes(StandardCharsets.UTF_8));
	}

}
