package com.billingportal.signup;

import java.util.UUID;
import java.util.stream.Stream;

import com.billingportal.support.Browser;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PasswordPolicy;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/** "Create a billing account": the happy path through the real pages, and every refusal. */
@PortalTest
class SignUpTest {

	static final String GOOD_PASSWORD = "violet kettles hum at dawn";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	PasswordPolicy passwords;

	@Autowired
	DemoData demo;

	@BeforeEach
	void setUp() {
	}

	@Test
	void aNewUserCreatesAnAccountBecomesItsAdminAndIsSignedInWithANewSession() throws Exception {
		Browser browser = new Browser(this.mvc);
		String login = browser.get("/login").getResponse().getContentAsString();
		assertThat(login).contains("href=\"/signup\"").contains("Create a billing account");
		String form = browser.get("/signup").getResponse().getContentAsString();
		assertThat(form).contains("Create a billing account").contains("name=\"_csrf\"");
		String sessionBefore = browser.cookie("SESSION");
		String email = "founder-" + UUID.randomUUID() + "@example.com";

		MvcResult created = browser.post("/signup", "email", email, "name", "Ada Founder", "password", GOOD_PASSWORD,
				"companyName", "Tailspin Toys", "country", "DE", "currency", "EUR");

		long userId = this.jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
		long accountId = this.jdbc.queryForObject("select id from billing_account where admin_user_id = ?", Long.class,
				userId);
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/billing/accounts/" + accountId);
		assertThat(browser.cookie("SESSION")).as("a new session id at sign-in").isNotNull().isNotEqualTo(sessionBefore);
		assertThat(this.jdbc.queryForObject("select agreement_type from billing_account where id = ?", String.class,
				accountId))
			.isEqualTo("MICROSOFT_CUSTOMER_AGREEMENT");
		assertThat(this.jdbc.queryForObject(
				"select role from role_assignment where billing_account_id = ? and user_id = ?", String.class, accountId,
				userId))
			.isEqualTo("OWNER");
		assertThat(this.jdbc.queryForObject("select currency from billing_profile where billing_account_id = ?",
				String.class, accountId))
			.isEqualTo("EUR");
		assertThat(this.jdbc.queryForObject("select autopay from billing_profile where billing_account_id = ?",
				Boolean.class, accountId))
			.as("a new MCA profile has automatic payment with the default card on")
			.isTrue();
		assertThat(this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, userId))
			.startsWith("$2").doesNotContain(GOOD_PASSWORD);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'SIGNED_UP' and billing_account_id = ?", Long.class,
				accountId))
			.isEqualTo(1);

		// Signed in: the account's pages open, and the new user can pay its invoices.
		String properties = browser.get("/billing/accounts/" + accountId + "/properties")
			.getResponse()
			.getContentAsString();
		assertThat(properties).contains("Tailspin Toys").contains("Ada Founder").contains(email);
		assertThat(properties).contains("You are the billing account admin, the user who originally signed up");
		assertThat(browser.get("/billing/accounts/" + accountId + "/profiles").getResponse().getContentAsString())
			.contains("Tailspin Toys")
			.contains("EUR");

		// The password works at the sign-in page too.
		browser.post("/logout");
		assertThat(new Browser(this.mvc).signIn(email, GOOD_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	static Stream<Arguments> refusals() {
		String tooLong = "x".repeat(10_000);
		return Stream.of(
				// field, value, message shown
				Arguments.of("password", "elevenchars", "Use a password of at least 12 characters."),
				Arguments.of("password", "password1234", "This password is too common"),
				Arguments.of("password", "123456789012", "This password is too common"),
				Arguments.of("password", "qwertyuiopas", "This password is too common"),
				Arguments.of("password", "PassWord1234", "This password is too common"),
				Arguments.of("password", "y".repeat(65), "The password can be at most 64 characters."),
				Arguments.of("email", "", "Enter your email address."),
				Arguments.of("email", "not-an-email", "Enter an email address like name@example.com."),
				Arguments.of("email", "ADMIN@contoso.com", "This email can&#39;t be used to create a billing account."),
				Arguments.of("email", tooLong + "@example.com",
						"An email address can be at most 254 characters long, with at most 64 before the @."),
				Arguments.of("name", "", "Enter your name."),
				Arguments.of("name", tooLong, "Your name can be at most 200 characters."),
				Arguments.of("companyName", "", "Enter the name of your company."),
				Arguments.of("companyName", tooLong, "The company name can be at most 200 characters."),
				Arguments.of("companyName", "Evil\u0000Corp", "The company name contains characters that can&#39;t be used."),
				Arguments.of("country", "XX", "Choose your country or region."),
				Arguments.of("currency", "BTC", "Choose the currency you want to be billed in."));
	}

	@ParameterizedTest(name = "{0} = {1} is refused")
	@MethodSource("refusals")
	void eachProblemIsRefusedWithAMessageAndCreatesNothing(String field, String value, String message)
			throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.get("/signup");
		long users = this.demo.count("app_user");
		long accounts = this.demo.count("billing_account");
		String[] form = { "email", "refused-" + UUID.randomUUID() + "@example.com", "name", "Refused Person",
				"password", GOOD_PASSWORD, "companyName", "Refused Ltd", "country", "US", "currency", "USD" };
		for (int i = 0; i < form.length; i += 2) {
			if (form[i].equals(field)) {
				form[i + 1] = value;
			}
		}
		MvcResult result = browser.post("/signup", form);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains(message);
		assertThat(page).doesNotContain(GOOD_PASSWORD);
		if (field.equals("password")) {
			assertThat(page).as("a refused password is not shown back").doesNotContain("value=\"" + value + "\"");
		}
		assertThat(this.demo.count("app_user")).isEqualTo(users);
		assertThat(this.demo.count("billing_account")).isEqualTo(accounts);
		assertThat(browser.get("/billing").getResponse().getRedirectedUrl()).as("not signed in").endsWith("/login");
	}

	@Test
	void theCommonPasswordListIsShippedAndLarge() {
		assertThat(this.passwords.commonCount()).isGreaterThan(3000);
		assertThat(this.passwords.problem("correct horse battery staple", "a@b.c")).isNull();
		assertThat(this.passwords.problem("a@example.com-x", "a@example.com-x")).isEqualTo("signup.password.common");
		assertThat(this.passwords.problem("密码密码密码密码密码密码", null)).isNull();
		assertThat(this.passwords.problem("密".repeat(25), null)).as("longer than BCrypt's 72 bytes")
			.isEqualTo("signup.password.tooLong");
	}

}
