package com.billingportal.card;

/** The card networks the portal accepts, told apart by the card number's leading digits. */
public enum CardBrand {

	VISA("Visa", 16, 3), MASTERCARD("Mastercard", 16, 3), AMEX("American Express", 15, 4),
	DISCOVER("Discover", 16, 3);

	private final String displayName;

	private final int length;

	private final int cvcLength;

	CardBrand(String displayName, int length, int cvcLength) {
		this.displayName = displayName;
		this.length = length;
		this.cvcLength = cvcLength;
	}

	public String displayName() {
		return this.displayName;
	}

	public int cvcLength() {
		return this.cvcLength;
	}

	public boolean acceptsLength(int digits) {
		return this == VISA ? (digits == 13 || digits == 16 || digits == 19) : digits == this.length;
	}

	/** The brand of a card number (digits only), or null when it is none the portal accepts. */
	public static CardBrand detect(String digits) {
		if (digits == null || digits.isEmpty()) {
			return null;
		}
		if (digits.startsWith("4")) {
			return VISA;
		}
		if (digits.startsWith("34") || digits.startsWith("37")) {
			return AMEX;
		}
		if (digits.length() >= 2) {
			int two = Integer.parseInt(digits.substring(0, 2));
			if (two >= 51 && two <= 55) {
				return MASTERCARD;
			}
			if (two == 65) {
				return DISCOVER;
			}
		}
		if (digits.length() >= 4) {
			int four = Integer.parseInt(digits.substring(0, 4));
			if (four >= 2221 && four <= 2720) {
				return MASTERCARD;
			}
			if (four == 6011) {
				return DISCOVER;
			}
		}
		if (digits.length() >= 3) {
			int three = Integer.parseInt(digits.substring(0, 3));
			if (three >= 644 && three <= 649) {
				return DISCOVER;
			}
		}
		return null;
	}

}
