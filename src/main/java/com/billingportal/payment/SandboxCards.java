package com.billingportal.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the sandbox processor names the cards it vaults: the token that carries a test card's
 * behaviour, and the card's fingerprint. Public so that demo data can hold cards the sandbox
 * recognises; the sandbox adapter itself is internal to the payments module.
 */
public final class SandboxCards {

	/** Key of the sandbox's card fingerprints; a real processor computes its own. */
	public static final String FINGERPRINT_KEY = "billing-portal-sandbox-fingerprint";

	private SandboxCards() {
	}

	/** A token of the sandbox: "sbx_" + behaviour + "_" + a random part. */
	public static String tokenFor(String behaviour, String randomPart) {
		return "sbx_" + behaviour.toLowerCase(Locale.ROOT) + "_" + randomPart;
	}

	/** HMAC-SHA256 of the card number: the same card gives the same fingerprint, and it cannot be reversed. */
	public static String fingerprint(String cardNumber) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(FINGERPRINT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(cardNumber.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
