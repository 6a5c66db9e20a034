package com.billingportal.user;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An email address as the portal keeps and compares it: what every form that takes an address
 * (sign-up, sign-in, adding someone to a billing account's IAM) turns the typed text into with
 * {@link #parse(String)}, so that two people can never hold addresses that look the same.
 * <ul>
 * <li>ASCII white space around it is dropped, and it is lower-cased;</li>
 * <li>refused: any hidden character anywhere, i.e. zero-width characters (U+200B–U+200D, U+2060,
 * U+FEFF), no-break and other non-ASCII spaces (U+00A0, U+202F, U+2007…), control and format
 * characters, and the other default-ignorable code points;</li>
 * <li>the part before the @ must be ASCII (no quoted forms), at most 64 characters;</li>
 * <li>the domain is NFKC-normalised and converted by IDNA ({@link IDN#toASCII} with the STD3
 * rules); a label that mixes Latin, Cyrillic or Greek letters (a Cyrillic "а" in "contoso") is
 * refused, whether typed in Unicode or as {@code xn--} punycode. A label wholly in another script
 * ({@code 例子.测试}) is accepted and kept in its ASCII (punycode) form,
 * {@code xn--fsqu00a.xn--0zwm56d}: one spelling per address, and a look-alike shows as what it
 * is wherever the address is shown;</li>
 * <li>at most 254 characters in all, counted in the stored (ASCII) form.</li>
 * </ul>
 */
public final class EmailAddress {

	public static final int MAX_LENGTH = 254;

	public static final int MAX_LOCAL_LENGTH = 64;

	/** Longer than any address can be once normalised: refused before any further work. */
	private static final int MAX_TYPED = 1024;

	/** The RFC 5322 dot-atom: letters, digits and the printable signs; no leading, trailing or double dot. */
	private static final Pattern LOCAL = Pattern
		.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	/** Scripts whose letters are easily taken for each other's. */
	private static final Set<Character.UnicodeScript> CONFUSABLE = EnumSet.of(Character.UnicodeScript.LATIN,
			Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK);

	private final String value;

	private EmailAddress(String value) {
		this.value = value;
	}

	/** The typed text as an address, normalised, or why it cannot be one. */
	public static Parsed parse(String typed) {
		String address = trimAsciiWhitespace(typed);
		if (address.isEmpty()) {
			return Parsed.refused(Reason.REQUIRED);
		}
		if (address.length() > MAX_TYPED) {
			return Parsed.refused(Reason.TOO_LONG);
		}
		if (address.codePoints().anyMatch(EmailAddress::isHidden)) {
			return Parsed.refused(Reason.HIDDEN_CHARACTER);
		}
		int at = address.lastIndexOf('@');
		if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
			return Parsed.refused(Reason.INVALID);
		}
		String local = address.substring(0, at);
		if (!local.chars().allMatch((c) -> c < 0x80)) {
			return Parsed.refused(Reason.NON_ASCII_LOCAL_PART);
		}
		local = local.toLowerCase(Locale.ROOT);
		if (local.length() > MAX_LOCAL_LENGTH) {
			return Parsed.refused(Reason.TOO_LONG);
		}
		if (!LOCAL.matcher(local).matches()) {
			return Parsed.refused(Reason.INVALID);
		}
		Parsed domain = asciiDomain(address.substring(at + 1));
		if (!domain.isValid()) {
			return domain;
		}
		String normalised = local + "@" + domain.address().value;
		return (normalised.length() > MAX_LENGTH) ? Parsed.refused(Reason.TOO_LONG)
				: Parsed.valid(new EmailAddress(normalised));
	}

	/** The domain in its lower-case ASCII form, wrapped in a {@link Parsed} as if it were an address. */
	private static Parsed asciiDomain(String typed) {
		String unicode = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		String ascii;
		try {
			ascii = IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return Parsed.refused(Reason.INVALID);
		}
		String[] labels = ascii.split("\\.", -1);
		if (labels.length < 2 || Arrays.stream(labels).anyMatch(EmailAddress::isMalformedLabel)
				|| labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
			return Parsed.refused(Reason.INVALID);
		}
		// Checked on what the ASCII form stands for, so that typing the punycode changes nothing.
		String shown = IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
		if (shown.codePoints().anyMatch(EmailAddress::isHidden)) {
			return Parsed.refused(Reason.HIDDEN_CHARACTER);
		}
		for (String label : shown.split("\\.")) {
			if (mixesConfusableScripts(label)) {
				return Parsed.refused(Reason.LOOK_ALIKE_DOMAIN);
			}
		}
		if (!IDN.toASCII(shown, IDN.USE_STD3_ASCII_RULES).equalsIgnoreCase(ascii)) {
			// Punycode that IDNA would never produce: not a spelling anyone could be shown.
			return Parsed.refused(Reason.INVALID);
		}
		return Parsed.valid(new EmailAddress(ascii));
	}

	/** Empty, or punycode that does not decode. */
	private static boolean isMalformedLabel(String label) {
		return label.isEmpty()
				|| (label.startsWith("xn--") && IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES).equals(label));
	}

	private static boolean mixesConfusableScripts(String label) {
		return label.codePoints()
			.mapToObj(Character.UnicodeScript::of)
			.filter(CONFUSABLE::contains)
			.distinct()
			.count() > 1;
	}

	/**
	 * A character that shows as nothing or as an ordinary space: controls, format characters
	 * (zero-width space, joiners, word joiner, byte order mark, soft hyphen), every space but the
	 * ASCII one, line and paragraph separators, private-use, unassigned and lone surrogate code
	 * points, and the default-ignorable fillers and variation selectors.
	 */
	static boolean isHidden(int cp) {
		return switch (Character.getType(cp)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED ->
				true;
			case Character.SPACE_SEPARATOR -> cp != ' ';
			default -> cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
					|| (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
					|| cp == 0xFFA0 || (cp >= 0xE0000 && cp <= 0xE0FFF);
		};
	}

	private static String trimAsciiWhitespace(String typed) {
		if (typed == null) {
			return "";
		}
		int start = 0;
		int end = typed.length();
		while (start < end && isAsciiWhitespace(typed.charAt(start))) {
			start++;
		}
		while (end > start && isAsciiWhitespace(typed.charAt(end - 1))) {
			end--;
		}
		return typed.substring(start, end);
	}

	private static boolean isAsciiWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

	/** The address as stored and shown: lower case, the domain in ASCII. */
	public String value() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof EmailAddress address) && address.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Why typed text is not an address; each reason has a message in the user's words. */
	public enum Reason {

		REQUIRED("email.error.required"), INVALID("email.error.invalid"), TOO_LONG("email.error.tooLong"),
		HIDDEN_CHARACTER("email.error.hidden"), NON_ASCII_LOCAL_PART("email.error.nonAsciiLocal"),
		LOOK_ALIKE_DOMAIN("email.error.lookAlike");

		private final String messageKey;

		Reason(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	/** The outcome of {@link EmailAddress#parse(String)}: an address, or the reason there is none. */
	public record Parsed(EmailAddress address, Reason reason) {

		static Parsed valid(EmailAddress address) {
			return new Parsed(address, null);
		}

		static Parsed refused(Reason reason) {
			return new Parsed(null, reason);
		}

		public boolean isValid() {
			return this.address != null;
		}

		/** The stored form, or null when the text is not an address (it then matches no user). */
		public String valueOrNull() {
			return isValid() ? this.address.value() : null;
		}

	}

}
