package com.billingportal.payment;

import java.util.Locale;

/**
 * How the sandbox processor names the cards it vaults: the token carries a test card's behaviour.
 * Public so that demo data can hold cards the sandbox recognises; the sandbox adapter itself is
 * internal to the payments module.
 */
public final class SandboxCards {

	private SandboxCards() {
	}

	/** A token of the sandbox: "sbx_" + behaviour + "_" + a random part. */
	public static String tokenFor(String behaviour, String randomPart) {
		return "sbx_" + behaviour.toLowerCase(Locale.ROOT) + "_" + randomPart;
	}

}
