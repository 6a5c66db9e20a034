package com.billingportal.card;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Card settings, checked when the portal starts: a fingerprint key shorter than
 * {@value #MIN_KEY_BYTES} bytes is refused here, and a missing one outside the demo profile by
 * {@link CardFingerprintsConfiguration}.
 *
 * @param fingerprintKey this deployment's secret for card fingerprints (its UTF-8 bytes are the
 * HMAC key), e.g. the output of {@code openssl rand -base64 48}; see {@link CardFingerprints}
 */
@ConfigurationProperties("billing.cards")
@Validated
public record CardProperties(String fingerprintKey) {

	public static final int MIN_KEY_BYTES = 32;

	public boolean hasFingerprintKey() {
		return this.fingerprintKey != null && !this.fingerprintKey.isBlank();
	}

	@AssertTrue(message = "billing.cards.fingerprint-key is shorter than " + MIN_KEY_BYTES
			+ " bytes: a short key can be guessed. Use e.g. $(openssl rand -base64 48)")
	public boolean isFingerprintKeyLongEnough() {
		return !hasFingerprintKey() || this.fingerprintKey.getBytes(StandardCharsets.UTF_8).length >= MIN_KEY_BYTES;
	}

	@Override
	public String toString() {
		return "CardProperties[fingerprintKey=" + (hasFingerprintKey() ? "(set)" : "(none)") + "]";
	}

}
