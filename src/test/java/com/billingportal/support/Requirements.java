package com.billingportal.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need something outside the JVM (Chromium, PostgreSQL): skipped with the reason
 * where it is missing, failed instead when the system property {@code it.required=true} is set
 * (as .ci/run does).
 */
public final class Requirements {

	private Requirements() {
	}

	public static boolean required() {
		return Boolean.getBoolean("it.required");
	}

	public static void require(boolean available, String whyNot) {
		if (available) {
			return;
		}
		if (required()) {
			Assertions.fail(whyNot + " (it.required=true, so this fails instead of skipping)");
		}
		Assumptions.abort(whyNot + " — skipped; set -Dit.required=true to make this a failure");
	}

}
