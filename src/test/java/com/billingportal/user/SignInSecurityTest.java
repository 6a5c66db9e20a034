package com.billingportal.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.billingportal.portal.SessionValues;
import com.billingportal.support.Browser;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Sign-in and sessions through the real form and the real session store (Spring Session JDBC):
 * lockout, a new session id at sign-in, no password hash in the session table, the idle time-out,
 * sign-out, and the session cookie.
 * Each test signs up its own user, so that what it commits touches no other test.
 */
@PortalTest
class SignInSecurityTest {

	static final String PASSWORD = "a long passphrase nobody guesses";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoData demo;

	String email;

	@BeforeEach
	void newUser() {
		this.email = "signin-" + UUID.randomUUID() + "@example.com";
		this.users.create(this.email, "Sign In Tester", PASSWORD);
	}

	@Test
	void fiveFailedAttemptsLockTheAccountForFifteenMinutesBehindTheSameMessage() throws Exception {
		Browser browser = new Browser(this.mvc);
		long lockedBefore = this.demo.auditCount("ACCOUNT_LOCKED");
		MvcResult wrong = null;
		for (int i = 0; i < UserService.MAX_FAILED_LOGINS; i++) {
			wrong = browser.signIn(this.email, "wrong password " + i);
			assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		}
		assertThat(this.demo.auditCount("ACCOUNT_LOCKED")).isEqualTo(lockedBefore + 1);
		Instant lockedUntil = this.jdbc.queryForObject("select locked_until from app_user where email = ?",
				Instant.class, this.email);
		assertThat(lockedUntil).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));

		// The right password while locked: refused, with exactly what a wrong password gets.
		MvcResult locked = browser.signIn(this.email, PASSWORD);
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo(wrong.getResponse().getRedirectedUrl());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'SIGN_IN_REFUSED_LOCKED' and actor_email = ?",
				Long.class, this.email))
			.isEqualTo(1);
		String page = browser.get("/login?error").getResponse().getContentAsString();
		assertThat(page).contains("The email or password is incorrect, or the account is temporarily locked.");

		// Fifteen minutes later (the lock moved into the past), the right password signs in.
		this.jdbc.update("update app_user set locked_until = ? where email = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)), this.email);
		assertThat(browser.signIn(this.email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(this.jdbc.queryForObject("select failed_logins from app_user where email = ?", Integer.class,
				this.email))
			.isZero();
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() throws Exception {
		Browser browser = new Browser(this.mvc);
		String unknown = browser.signIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD)
			.getResponse()
			.getRedirectedUrl();
		String wrong = browser.signIn(this.email, "not the password").getResponse().getRedirectedUrl();
		assertThat(unknown).isEqualTo(wrong).isEqualTo("/login?error");
	}

	@Test
	void signingInGivesANewSessionIdAndAThirtyMinuteIdleTimeout() throws Exception {
		// The sign-in page stores no session; a session that exists before signing in (here one of
		// another user, as a planted cookie would bring it) is given a new id (ASVS 3.2.1).
		String other = "signin-other-" + UUID.randomUUID() + "@example.com";
		this.users.create(other, "Other", PASSWORD);
		Browser browser = new Browser(this.mvc);
		browser.get("/login");
		assertThat(browser.cookie("SESSION")).as("the sign-in page stores no session").isNull();
		browser.signIn(other, PASSWORD);
		String before = browser.cookie("SESSION");
		assertThat(before).isNotNull();
		MvcResult signedIn = browser.signIn(this.email, PASSWORD);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		String after = browser.cookie("SESSION");
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/").getResponse().getStatus()).isEqualTo(200);
		Integer idle = this.jdbc.queryForObject(
				"select max_inactive_interval from spring_session where principal_name = ?", Integer.class,
				this.email);
		assertThat(idle).isEqualTo(30 * 60);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN' and actor_email = ?",
				Long.class, this.email))
			.isEqualTo(1);
	}

	@Test
	void theSessionTableHoldsNoPasswordHash() throws Exception {
		Browser browser = new Browser(this.mvc);
		assertThat(browser.signIn(this.email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
		String hash = this.jdbc.queryForObject("select password_hash from app_user where email = ?", String.class,
				this.email);
		List<byte[]> stored = this.jdbc.queryForList("select a.attribute_bytes from spring_session_attributes a"
				+ " join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?",
				byte[].class, this.email);
		assertThat(stored).isNotEmpty();
		for (byte[] attribute : stored) {
			String bytes = new String(attribute, StandardCharsets.ISO_8859_1);
			assertThat(bytes).doesNotContain(hash).doesNotContain(hash.substring(0, 29)).doesNotContain("$2a$");
		}
		byte[] signedIn = this.jdbc.queryForObject(
				"select a.attribute_bytes from spring_session_attributes a join spring_session s"
						+ " on s.primary_id = a.session_primary_id where s.principal_name = ? and a.attribute_name = ?",
				byte[].class, this.email, HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		// Read as the session repository reads it (portal.SessionValues: in fields of its own).
		SecurityContext context = (SecurityContext) SessionValues.conversionService(getClass().getClassLoader())
			.convert(signedIn, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
		PortalUser principal = (PortalUser) context.getAuthentication().getPrincipal();
		assertThat(principal.email()).isEqualTo(this.email);
		assertThat(principal.getPassword()).isNull();
		assertThat(context.getAuthentication().getCredentials()).isNull();
	}

	@Test
	void afterThirtyIdleMinutesTheSessionHasExpired() throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.signIn(this.email, PASSWORD);
		assertThat(browser.get("/billing").getResponse().getStatus()).isIn(200, 302);
		long thirtyOneMinutesAgo = System.currentTimeMillis() - 31 * 60 * 1000L;
		int updated = this.jdbc.update(
				"update spring_session set last_access_time = ?, expiry_time = ? where principal_name = ?",
				thirtyOneMinutesAgo, thirtyOneMinutesAgo + 30 * 60 * 1000L, this.email);
		assertThat(updated).isEqualTo(1);

		MvcResult expired = browser.get("/billing");
		assertThat(expired.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
		String page = browser.get("/login?expired").getResponse().getContentAsString();
		assertThat(page).contains("Your session has expired");
	}

	@Test
	void signingOutInvalidatesTheSessionOnTheServer() throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.signIn(this.email, PASSWORD);
		String session = browser.cookie("SESSION");
		browser.get("/");
		MvcResult out = browser.post("/logout");
		assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Long.class, this.email))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_OUT' and actor_email = ?",
				Long.class, this.email))
			.isEqualTo(1);

		// The old cookie, replayed, opens nothing.
		MvcResult replay = this.mvc.perform(get("/billing").cookie(new jakarta.servlet.http.Cookie("SESSION", session)))
			.andReturn();
		assertThat(replay.getResponse().getStatus()).isEqualTo(302);
		assertThat(replay.getResponse().getRedirectedUrl()).contains("/login");
	}

	@Test
	void theSessionCookieIsHttpOnlySameSiteLaxAndSecureOverHttps() throws Exception {
		MvcResult plain = signInOver(false);
		String cookie = sessionCookie(plain);
		assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

		MvcResult https = signInOver(true);
		assertThat(sessionCookie(https)).startsWith("SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Secure");
		assertThat(https.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=");
		assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();
	}

	/** The sign-in form's page and its post, over HTTPS or not: the post's answer sets the session cookie. */
	private MvcResult signInOver(boolean secure) throws Exception {
		MvcResult page = this.mvc.perform(get("/login").secure(secure)).andReturn();
		String token = Browser.csrfToken(page.getResponse().getContentAsString());
		assertThat(token).isNotNull();
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.secure(secure)
				.cookie(page.getResponse().getCookie(CsrfTokens.COOKIE))
				.param("email", this.email)
				.param("password", PASSWORD)
				.param("_csrf", token))
			.andReturn();
	}

	private static String sessionCookie(MvcResult result) {
		return result.getResponse()
			.getHeaders("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + result.getResponse().getHeaders("Set-Cookie")));
	}

}
