package com.billingportal.user;

import java.util.stream.Stream;

import com.billingportal.user.EmailAddress.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link EmailAddress#parse(String)} makes of typed text: the stored form, or why not. */
class EmailAddressTest {

	static Stream<Arguments> accepted() {
		return Stream.of(
				// typed, stored
				Arguments.of("admin@contoso.com", "admin@contoso.com"),
				Arguments.of("Admin@Contoso.COM ", "admin@contoso.com"),
				Arguments.of(" \t admin@contoso.com\r\n", "admin@contoso.com"),
				Arguments.of("first.last+billing@mail.example.co.uk", "first.last+billing@mail.example.co.uk"),
				Arguments.of("o'brien_x-y@example.com", "o'brien_x-y@example.com"),
				Arguments.of("a@b.io", "a@b.io"),
				// A domain wholly in another script is kept in its ASCII (punycode) form.
				Arguments.of("ops@例子.测试", "ops@xn--fsqu00a.xn--0zwm56d"),
				Arguments.of("ops@xn--fsqu00a.xn--0zwm56d", "ops@xn--fsqu00a.xn--0zwm56d"),
				Arguments.of("ops@例子。测试", "ops@xn--fsqu00a.xn--0zwm56d"),
				Arguments.of("info@пример.рф", "info@xn--e1afmkfd.xn--p1ai"),
				Arguments.of("info@παράδειγμα.ελ", "info@xn--hxajbheg2az3al.xn--qxam"),
				Arguments.of("kontakt@bücher.de", "kontakt@xn--bcher-kva.de"),
				// Full-width letters are NFKC-normalised to the ones they stand for.
				Arguments.of("admin@ｃｏｎｔｏｓｏ．ｃｏｍ", "admin@contoso.com"),
				Arguments.of("x".repeat(64) + "@example.com", "x".repeat(64) + "@example.com"),
				Arguments.of("x@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(60),
						"x@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(60)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("accepted")
	void acceptedAndNormalised(String typed, String stored) {
		EmailAddress.Parsed parsed = EmailAddress.parse(typed);
		assertThat(parsed.reason()).as(typed).isNull();
		assertThat(parsed.address().value()).isEqualTo(stored);
		assertThat(EmailAddress.parse(stored).address()).as("the stored form parses to itself")
			.isEqualTo(parsed.address());
	}

	static Stream<Arguments> refused() {
		return Stream.of(
				// typed, reason
				Arguments.of(null, Reason.REQUIRED),
				Arguments.of("", Reason.REQUIRED),
				Arguments.of(" \t\r\n", Reason.REQUIRED),
				Arguments.of("not-an-email", Reason.INVALID),
				Arguments.of("@contoso.com", Reason.INVALID),
				Arguments.of("admin@", Reason.INVALID),
				Arguments.of("admin@contoso", Reason.INVALID),
				Arguments.of("a@b@contoso.com", Reason.INVALID),
				Arguments.of("\"admin\"@contoso.com", Reason.INVALID),
				Arguments.of("ad min@contoso.com", Reason.INVALID),
				Arguments.of(".admin@contoso.com", Reason.INVALID),
				Arguments.of("ad..min@contoso.com", Reason.INVALID),
				Arguments.of("<script>@contoso.com", Reason.INVALID),
				Arguments.of("admin@contoso..com", Reason.INVALID),
				Arguments.of("admin@contoso.com.", Reason.INVALID),
				Arguments.of("admin@-contoso.com", Reason.INVALID),
				Arguments.of("admin@con_toso.com", Reason.INVALID),
				Arguments.of("admin@10.0.0.1", Reason.INVALID),
				Arguments.of("admin@xn--zz.com", Reason.INVALID),
				// Hidden characters, anywhere: zero-width, no-break spaces, controls, format characters.
				Arguments.of("ad\u200Bmin@contoso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@conto\u200Cso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso\u200D.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin\u2060@contoso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("\uFEFFadmin@contoso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso.com\u00A0", Reason.HIDDEN_CHARACTER),
				Arguments.of("\u202Fadmin@contoso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso\u2007.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@con\u00ADtoso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@cont\u034Foso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso.com\uFE0F", Reason.HIDDEN_CHARACTER),
				Arguments.of("ad\tmin@contoso.com", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso.com\u0000", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso.com\u202E", Reason.HIDDEN_CHARACTER),
				Arguments.of("admin@contoso.com\u2028", Reason.HIDDEN_CHARACTER),
				// Not ASCII before the @ (Cyrillic "а", full-width "ａ", accented letters).
				Arguments.of("\u0430dmin@contoso.com", Reason.NON_ASCII_LOCAL_PART),
				Arguments.of("\uFF41dmin@contoso.com", Reason.NON_ASCII_LOCAL_PART),
				Arguments.of("josé@example.com", Reason.NON_ASCII_LOCAL_PART),
				// Look-alike domains: Latin mixed with Cyrillic or Greek in one label, typed or as punycode.
				Arguments.of("admin@cont\u043Eso.com", Reason.LOOK_ALIKE_DOMAIN),
				Arguments.of("admin@\u0441ontoso.com", Reason.LOOK_ALIKE_DOMAIN),
				Arguments.of("admin@contoso.c\u043Em", Reason.LOOK_ALIKE_DOMAIN),
				Arguments.of("admin@c\u03BFntoso.com", Reason.LOOK_ALIKE_DOMAIN),
				Arguments.of("admin@" + java.net.IDN.toASCII("cont\u043Eso") + ".com", Reason.LOOK_ALIKE_DOMAIN),
				// Too long: 65 before the @, 255 in all, or far too long to look at.
				Arguments.of("x".repeat(65) + "@example.com", Reason.TOO_LONG),
				Arguments.of("x@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(61),
						Reason.TOO_LONG),
				Arguments.of("x".repeat(10_000) + "@example.com", Reason.TOO_LONG));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("refused")
	void refusedWithAReason(String typed, Reason reason) {
		EmailAddress.Parsed parsed = EmailAddress.parse(typed);
		assertThat(parsed.address()).as("%s", typed).isNull();
		assertThat(parsed.reason()).as("%s", typed).isEqualTo(reason);
		assertThat(parsed.valueOrNull()).isNull();
	}

	@Test
	void signInNormalisesTheUsernameTheSameWay() {
		assertThat(User.normalizeEmail("Admin@Contoso.COM ")).isEqualTo("admin@contoso.com");
		assertThat(User.normalizeEmail("ad\u200Bmin@contoso.com")).as("matches no one").isNull();
	}

	@Test
	void everyReasonHasAMessageKey() {
		for (Reason reason : Reason.values()) {
			assertThat(reason.messageKey()).startsWith("email.error.");
		}
	}

}
