package com.billingportal.card;

/**
 * What the processor's vault gives back for a card number: a token to charge it by. The portal's
 * own fingerprint of the number is made apart from it, under the deployment's key
 * ({@link CardFingerprints}).
 */
public record TokenizedCard(String token) {

}
