package com.billingportal.card;

/**
 * What the gateway gives back for a card number: a token to charge it by and a fingerprint that is
 * the same for the same card number, to spot a card added twice.
 */
public record TokenizedCard(String token, String fingerprint) {

}
