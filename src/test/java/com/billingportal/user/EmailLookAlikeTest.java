package com.billingportal.user;

import java.util.UUID;

import com.billingportal.portal.Flash;
import com.billingportal.support.Browser;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An address with a hidden character or a look-alike letter is refused wherever one is typed,
 * with a message saying so, and nothing is written: sign-up, and an invitation on the IAM page.
 * Sign-in finds the user however the address is cased and spaced, and never by a look-alike.
 */
@PortalTest
class EmailLookAlikeTest {

	private static final String PASSWORD = "violet kettles hum at dawn";

	private static final String HIDDEN = "Enter an email address without hidden or look-alike characters: this one"
			+ " contains an invisible character or a special space.";

	private static final String LOOK_ALIKE = "Enter an email address without hidden or look-alike characters: its domain"
			+ " mixes letters of different alphabets (Latin with Cyrillic or Greek), which can imitate another address.";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	MessageSource messages;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			zero-width space    | ada\u200B-{id}@example.com     | HIDDEN
			no-break space      | 'ada-{id}@example.com\u00A0'   | HIDDEN
			Cyrillic o          | ada-{id}@c\u043Entoso.com      | LOOK_ALIKE
			Cyrillic a, local   | \u0430da-{id}@example.com      | NON_ASCII
			""")
	void signUpRefusesItAndCreatesNothing(String what, String template, String expected) throws Exception {
		String email = template.replace("{id}", UUID.randomUUID().toString());
		String before = this.demo.checksum();
		Browser browser = new Browser(this.mvc);
		browser.get("/signup");
		MvcResult result = browser.post("/signup", "email", email, "name", "Ada Lovelace", "password", PASSWORD,
				"companyName", "Look-alike Ltd", "country", "US", "currency", "USD");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains(message(expected));
		assertThat(this.demo.checksum()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			zero-width space in the local part  | admin\u200B@northwind.com  | HIDDEN
			zero-width joiner in the domain     | admin@north\u200Dwind.com  | HIDDEN
			Cyrillic a in the domain            | admin@northwind.\u0441om   | LOOK_ALIKE
			Greek o in the domain               | admin@n\u03BFrthwind.com   | LOOK_ALIKE
			""")
	void anInvitationRefusesItAndWritesNothing(String what, String email, String expected) throws Exception {
		String before = this.demo.checksum();
		long refusals = this.demo.auditCount("ROLE_CHANGE_REFUSED");
		MvcResult result = this.mvc.perform(post("/billing/accounts/" + this.demo.contoso() + "/access")
			.param("email", email)
			.param("role", "READER")
			.with(csrf())
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		Flash flash = (Flash) result.getFlashMap().get("flash");
		assertThat(flash.kind()).isEqualTo("error");
		assertThat(this.messages.getMessage(flash.messageKey(), new Object[] { flash.argument() },
				java.util.Locale.ENGLISH))
			.isEqualTo(message(expected));
		assertThat(this.demo.checksum()).isEqualTo(before);
		assertThat(this.demo.auditCount("ROLE_CHANGE_REFUSED")).isEqualTo(refusals + 1);
	}

	@Test
	void signInNormalisesTheAddressAsSignUpDid() throws Exception {
		MvcResult result = new Browser(this.mvc).signIn("  Admin@Contoso.COM ", DemoData.PASSWORD);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(this.demo.auditCount("SIGN_IN")).isPositive();
		for (String lookAlike : new String[] { "admin\u200B@contoso.com", "admin@c\u043Entoso.com",
				"\u00A0admin@contoso.com" }) {
			assertThat(new Browser(this.mvc).signIn(lookAlike, DemoData.PASSWORD).getResponse().getRedirectedUrl())
				.as(lookAlike)
				.isEqualTo("/login?error");
		}
	}

	@Test
	void anAddressSignedUpWithAnInternationalDomainIsKeptInItsAsciiForm() throws Exception {
		String local = "ops-" + UUID.randomUUID().toString().substring(0, 8);
		Browser browser = new Browser(this.mvc);
		browser.get("/signup");
		browser.post("/signup", "email", local + "@例子.测试", "name", "Li Wei", "password", PASSWORD, "companyName",
				"Example Co", "country", "CN", "currency", "CNY");
		assertThat(this.demo.userId(local + "@xn--fsqu00a.xn--0zwm56d")).isPositive();
		assertThat(new Browser(this.mvc).signIn(local + "@例子.测试", PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	private String message(String expected) {
		return switch (expected) {
			case "HIDDEN" -> HIDDEN;
			case "LOOK_ALIKE" -> LOOK_ALIKE;
			default -> this.messages.getMessage("email.error.nonAsciiLocal", null, java.util.Locale.ENGLISH);
		};
	}

}
