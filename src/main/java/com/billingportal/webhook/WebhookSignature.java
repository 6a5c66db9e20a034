package com.billingportal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook, the scheme Stripe documents: header {@value #HEADER} with
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint's secret>}. A receiver
 * recomputes it, compares in constant time, and rejects a timestamp older than its tolerance (a
 * replay).
 */
public final class WebhookSignature {

	public static final String HEADER = "Billing-Signature";

	private WebhookSignature() {
	}

	public static String header(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
	}

	/** Whether the header signs the body with the secret, at most {@code toleranceSeconds} before {@code now}. */
	public static boolean verify(String secret, String header, String body, long now, long toleranceSeconds) {
		if (header == null) {
			return false;
		}
		long timestamp = -1;
		String signature = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=") && part.substring(2).matches("[0-9]{1,12}")) {
				timestamp = Long.parseLong(part.substring(2));
			}
			else if (part.startsWith("v1=")) {
				signature = part.substring(3);
			}
		}
		if (timestamp < 0 || signature == null || Math.abs(now - timestamp) > toleranceSeconds) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
