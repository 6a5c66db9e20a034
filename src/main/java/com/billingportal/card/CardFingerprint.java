package com.billingportal.card;

/**
 * A card's fingerprint on one billing account and the id of the key that made it.
 *
 * @param value hex HMAC-SHA256, equal for the same card number on the same account
 * @param keyId which key made it (see {@link CardFingerprints#keyId()})
 */
public record CardFingerprint(String value, String keyId) {

}
