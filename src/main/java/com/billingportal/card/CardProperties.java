package com.billingportal.card;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Card settings, checked when the portal starts: it does not start without a fingerprint key of
 * at least {@value #MIN_KEY_BYTES} bytes, unless it may generate one (the demo profile).
 *
 * @param fingerprintKey this deployment's secret for card fingerprints (its UTF-8 bytes are the
 * HMAC key), e.g. the output of {@code openssl rand -base64 48}; see {@link CardFingerprints}
 * @param generateFingerprintKey set by the demo profile only: with no key given, one is generated
 * and kept in the database, which protects nothing but demo data
 */
@ConfigurationProperties("billing.cards")
@Validated
public record CardProperties(String fingerprintKey, boolean generateFingerprintKey) {

	public static final int MIN_KEY_BYTES = 32;

	public boolean hasFingerprintKey() {
		return this.fingerprintKey != null && !this.fingerprintKey.isBlank();
	}

	@AssertTrue(message = "billing.cards.fingerprint-key is not set. Give this deployment a secret of at least "
			+ MIN_KEY_BYTES + " bytes, e.g. BILLING_CARDS_FINGERPRINT_KEY=$(openssl rand -base64 48); only the demo"
			+ " profile runs without one")
	public boolean isFingerprintKeyGiven() {
		return hasFingerprintKey() || this.generateFingerprintKey;
	}

	@AssertTrue(message = "billing.cards.fingerprint-key is shorter than " + MIN_KEY_BYTES
			+ " bytes: a short key can be guessed. Use e.g. $(openssl rand -base64 48)")
	public boolean isFingerprintKeyLongEnough() {
		return !hasFingerprintKey() || this.fingerprintKey.getBytes(StandardCharsets.UTF_8).length >= MIN_KEY_BYTES;
	}

	@Override
	public String toString() {
		return "CardProperties[fingerprintKey=" + (hasFingerprintKey() ? "(set)" : "(none)") + ", generateFingerprintKey="
				+ this.generateFingerprintKey + "]";
	}

}
