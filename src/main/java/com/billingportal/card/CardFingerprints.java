package com.billingportal.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints of card numbers, to spot the same card saved twice on a billing account: an
 * HMAC-SHA256 of the account's id and the number under this deployment's secret key. A card number
 * has few unknown digits once its brand and last four are known, so without a secret a fingerprint
 * could be searched back to the number; and with the account in the input, the same card on two
 * accounts has two unrelated fingerprints, so no one can tell that two tenants share a card.
 */
public final class CardFingerprints {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final String keyId;

	CardFingerprints(byte[] key) {
		if (key.length < CardProperties.MIN_KEY_BYTES) {
			throw new IllegalArgumentException("A fingerprint key needs at least " + CardProperties.MIN_KEY_BYTES
					+ " bytes");
		}
		this.key = new SecretKeySpec(key, ALGORITHM);
		// Names the key without giving it away: a MAC of a fixed text, cut short.
		this.keyId = hmac("billing-portal card fingerprint key id").substring(0, 16);
	}

	/** The fingerprint of a card number (digits only) on a billing account. */
	public CardFingerprint of(long billingAccountId, String digits) {
		return new CardFingerprint(hmac(billingAccountId + ":" + digits), this.keyId);
	}

	/** Which key this is, kept beside each fingerprint so that a changed key finds the old ones. */
	public String keyId() {
		return this.keyId;
	}

	private String hmac(String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " unavailable", ex);
		}
	}

	@Override
	public String toString() {
		return "CardFingerprints[key " + this.keyId + "]";
	}

}
