package com.billingportal.card;

/** Rules on card numbers as typed by a person. Nothing here keeps or logs a number. */
public final class CardNumbers {

	private CardNumbers() {
	}

	/**
	 * Digits only: people type spaces and dashes between groups. Null when anything else is in it,
	 * other scripts' digits included (full-width, Arabic-Indic…): no card network issues them.
	 */
	public static String digitsOf(String typed) {
		if (typed == null) {
			return null;
		}
		String digits = typed.replace(" ", "").replace("-", "");
		return isAsciiDigits(digits) ? digits : null;
	}

	/** True for a non-empty text of 0-9 only. {@link Character#isDigit} would let any script's digits in. */
	public static boolean isAsciiDigits(String text) {
		return text != null && !text.isEmpty() && text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/** The Luhn (mod 10) check every card number passes. */
	public static boolean passesLuhn(String digits) {
		if (digits == null || digits.length() < 12 || digits.length() > 19) {
			return false;
		}
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	public static String lastFour(String digits) {
		return digits.substring(digits.length() - 4);
	}

}
