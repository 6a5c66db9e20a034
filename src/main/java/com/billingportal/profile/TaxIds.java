package com.billingportal.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tax ID of a billing profile, checked against the format of the bill-to country where the
 * portal knows one: an EU VAT number with its country prefix and the length that country gives it
 * (Greece's prefix is EL), a US EIN of 9 digits. Elsewhere it is free text of at most
 * {@link #MAX_LENGTH} characters.
 */
public final class TaxIds {

	public static final int MAX_LENGTH = 30;

	/** Country (ISO 3166) → the VAT number's format and an example to show when it does not match. */
	private static final Map<String, Rule> RULES = Map.ofEntries(rule("AT", "ATU\\d{8}", "ATU12345678"),
			rule("BE", "BE[01]\\d{9}", "BE0123456789"), rule("BG", "BG\\d{9,10}", "BG123456789"),
			rule("CY", "CY\\d{8}[A-Z]", "CY12345678X"), rule("CZ", "CZ\\d{8,10}", "CZ12345678"),
			rule("DE", "DE\\d{9}", "DE123456789"), rule("DK", "DK\\d{8}", "DK12345678"),
			rule("EE", "EE\\d{9}", "EE123456789"), rule("GR", "EL\\d{9}", "EL123456789"),
			rule("ES", "ES[A-Z0-9]\\d{7}[A-Z0-9]", "ESX1234567X"), rule("FI", "FI\\d{8}", "FI12345678"),
			rule("FR", "FR[A-HJ-NP-Z0-9]{2}\\d{9}", "FR12345678901"), rule("HR", "HR\\d{11}", "HR12345678901"),
			rule("HU", "HU\\d{8}", "HU12345678"), rule("IE", "IE\\d[0-9A-Z+*]\\d{5}[A-W][A-IW]?", "IE1234567WA"),
			rule("IT", "IT\\d{11}", "IT12345678901"), rule("LT", "LT(\\d{9}|\\d{12})", "LT123456789"),
			rule("LU", "LU\\d{8}", "LU12345678"), rule("LV", "LV\\d{11}", "LV12345678901"),
			rule("MT", "MT\\d{8}", "MT12345678"), rule("NL", "NL\\d{9}B\\d{2}", "NL123456789B01"),
			rule("PL", "PL\\d{10}", "PL1234567890"), rule("PT", "PT\\d{9}", "PT123456789"),
			rule("RO", "RO\\d{2,10}", "RO1234567890"), rule("SE", "SE\\d{10}01", "SE123456789001"),
			rule("SI", "SI\\d{8}", "SI12345678"), rule("SK", "SK\\d{10}", "SK1234567890"),
			rule("US", "\\d{9}", "12-3456789"));

	private TaxIds() {
	}

	/**
	 * The tax ID as it is stored and printed, or why it is refused (a message key and the example
	 * to show). Blank is no tax ID at all.
	 */
	public static Result check(String typed, String country) {
		String text = (typed != null) ? typed.strip() : "";
		if (text.isEmpty()) {
			return new Result(null, null, null);
		}
		Rule rule = (country != null) ? RULES.get(country) : null;
		if (rule == null) {
			if (text.length() > MAX_LENGTH) {
				return new Result(null, "profile.taxId.tooLong", String.valueOf(MAX_LENGTH));
			}
			return ProfileText.hasHiddenCharacter(text) ? new Result(null, "profile.error.hidden", null)
					: new Result(text, null, null);
		}
		// People write VAT numbers and EINs with spaces, dots and dashes: none of them counts.
		String compact = text.replaceAll("[ .\\-]", "").toUpperCase(Locale.ROOT);
		if (!rule.format().matcher(compact).matches()) {
			return new Result(null, rule.messageKey(), rule.example());
		}
		return new Result(country.equals("US") ? compact.substring(0, 2) + "-" + compact.substring(2) : compact,
				null, null);
	}

	/** The example of a valid tax ID of the country, when the portal checks its format. */
	public static Optional<String> example(String country) {
		return Optional.ofNullable(RULES.get(country)).map(Rule::example);
	}

	private static Map.Entry<String, Rule> rule(String country, String regex, String example) {
		String key = country.equals("US") ? "profile.taxId.ein" : "profile.taxId.vat";
		return Map.entry(country, new Rule(Pattern.compile(regex), example, key));
	}

	/** A valid tax ID (null for none), or the message key and its argument saying why not. */
	public record Result(String taxId, String messageKey, String argument) {

		public boolean isValid() {
			return this.messageKey == null;
		}

	}

	private record Rule(Pattern format, String example, String messageKey) {
	}

}
