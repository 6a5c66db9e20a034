package com.billingportal.card;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This deployment's {@link CardFingerprints}: under {@code billing.cards.fingerprint-key}, or, in
 * the demo profile only, under a key generated and kept in the database ({@link DemoFingerprintKey}).
 * Anywhere else the portal does not start without a key.
 */
@Configuration(proxyBeanMethods = false)
class CardFingerprintsConfiguration {

	static final String DEMO_PROFILE = "demo";

	@Bean
	CardFingerprints cardFingerprints(CardProperties properties, Environment environment, JdbcTemplate jdbc,
			Clock clock) {
		String key;
		if (properties.hasFingerprintKey()) {
			key = properties.fingerprintKey();
		}
		else if (environment.matchesProfiles(DEMO_PROFILE)) {
			key = DemoFingerprintKey.loadOrCreate(jdbc, clock);
		}
		else {
			throw new InvalidConfigurationPropertyValueException("billing.cards.fingerprint-key", null,
					"billing.cards.fingerprint-key is not set. Give this deployment a secret of at least "
							+ CardProperties.MIN_KEY_BYTES
							+ " bytes, e.g. BILLING_CARDS_FINGERPRINT_KEY=$(openssl rand -base64 48); only the demo"
							+ " profile runs without one.");
		}
		return new CardFingerprints(key.getBytes(StandardCharsets.UTF_8));
	}

}
