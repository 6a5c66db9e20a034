package com.billingportal.profile;

/** What the profile form does with each typed text: stripped, and refused with hidden characters. */
final class ProfileText {

	private ProfileText() {
	}

	static String strip(String typed) {
		return (typed != null) ? typed.strip() : "";
	}

	/** Control, format (zero-width, bidi), separator, private-use or unassigned characters. */
	static boolean hasHiddenCharacter(String text) {
		return text.codePoints().anyMatch((cp) -> switch (Character.getType(cp)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED ->
				true;
			default -> false;
		});
	}

}
