package com.billingportal.user;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.billingportal.support.Browser;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A visitor who has not signed in costs no session row. Before, every view of the sign-in page (its
 * form's CSRF token), every signed-in page asked for without a session (the page to go back to), a
 * failed sign-in and a session cookie the store no longer had each stored a session, kept for the
 * 30-minute idle time-out: a client asking for the sign-in page a thousand times a second kept some
 * 1.8 million rows in each session table. Now the token and the page asked for are kept in cookies
 * until the visitor signs in; what they protect still works, and signed-in forms still take only
 * the session's token.
 */
@PortalTest
class AnonymousVisitorsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	UserService users;

	@Test
	void nothingAVisitorDoesBeforeSigningInStoresASession() throws Exception {
		long before = sessions();
		List<MvcResult> answers = new java.util.ArrayList<>();
		for (String page : List.of("/login", "/login?error", "/login?logout", "/login?expired", "/login?lang=zh_CN",
				"/signup", "/welcome?token=not-a-token", "/", "/billing",
				"/billing/accounts/" + DemoData.CONTOSO + "/invoices", "/no-such-page")) {
			answers.add(this.mvc.perform(get(page)).andReturn());
		}
		answers.add(this.mvc.perform(head("/login")).andReturn());
		// A sign-up form with errors, posted through the form.
		Browser signingUp = new Browser(this.mvc);
		signingUp.get("/signup");
		MvcResult refused = signingUp.post("/signup", "email", "not an email");
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		answers.add(refused);
		// A failed sign-in, through the form.
		Browser failing = new Browser(this.mvc);
		MvcResult failed = failing.signIn(DemoData.CONTOSO_ADMIN, "not the password");
		assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		answers.add(failed);
		// A session cookie the store does not have (timed out, or made up).
		String unknown = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		MvcResult stale = this.mvc.perform(get("/billing").cookie(new Cookie("SESSION", unknown))).andReturn();
		assertThat(stale.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(stale.getResponse().getHeaders("Set-Cookie")).as("the stale cookie is deleted")
			.anySatisfy((c) -> assertThat(c).startsWith("SESSION=;").contains("Max-Age=0"));
		answers.add(stale);

		assertThat(sessions()).as("session rows").isEqualTo(before);
		for (MvcResult answer : answers) {
			assertThat(answer.getResponse().getHeaders("Set-Cookie"))
				.as(answer.getRequest().getRequestURI() + ": no session cookie with a value")
				.noneMatch((c) -> c.startsWith("SESSION=") && !c.startsWith("SESSION=;"));
		}
	}

	@Test
	void theSignInFormsTokenIsKeptInAnHttpOnlySameSiteCookieAndChecked() throws Exception {
		MvcResult page = this.mvc.perform(get("/login")).andReturn();
		Cookie token = page.getResponse().getCookie(CsrfTokens.COOKIE);
		assertThat(token).isNotNull();
		assertThat(token.isHttpOnly()).isTrue();
		assertThat(token.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(token.getSecure()).isFalse();
		assertThat(token.getPath()).isEqualTo("/");
		assertThat(this.mvc.perform(get("/login").secure(true)).andReturn().getResponse().getCookie(CsrfTokens.COOKIE)
			.getSecure()).as("Secure over HTTPS").isTrue();
		String field = field(page.getResponse().getContentAsString());
		String email = newUser();

		assertThat(signIn(email, null, field).getResponse().getStatus()).as("the form's token without its cookie")
			.isEqualTo(403);
		assertThat(signIn(email, token, null).getResponse().getStatus()).as("the cookie without the form's token")
			.isEqualTo(403);
		Cookie other = this.mvc.perform(get("/login")).andReturn().getResponse().getCookie(CsrfTokens.COOKIE);
		assertThat(signIn(email, other, field).getResponse().getStatus()).as("another visitor's cookie")
			.isEqualTo(403);

		MvcResult signedIn = signIn(email, token, field);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(signedIn.getResponse().getCookie("SESSION")).isNotNull();
		assertThat(signedIn.getResponse().getHeaders("Set-Cookie")).as("the token's cookie goes at sign-in")
			.anySatisfy((c) -> assertThat(c).startsWith(CsrfTokens.COOKIE + "=;").contains("Max-Age=0"));
	}

	@Test
	void aSignedInFormTakesOnlyTheSessionsTokenNotACookiesOne() throws Exception {
		Browser signedIn = new Browser(this.mvc);
		signedIn.signIn(newUser(), SignInSecurityTest.PASSWORD);
		signedIn.get("/");
		String session = signedIn.cookie("SESSION");

		// A token and its cookie that a visitor's page got, planted in the signed-in browser.
		MvcResult visitor = this.mvc.perform(get("/login")).andReturn();
		Cookie planted = visitor.getResponse().getCookie(CsrfTokens.COOKIE);
		MvcResult out = this.mvc
			.perform(post("/logout").cookie(new Cookie("SESSION", session), planted)
				.param("_csrf", field(visitor.getResponse().getContentAsString())))
			.andReturn();
		assertThat(out.getResponse().getStatus()).isEqualTo(403);
		assertThat(signedIn.get("/").getResponse().getStatus()).as("still signed in").isEqualTo(200);
	}

	@Test
	void afterSigningInTheVisitorLandsOnThePageAskedFor() throws Exception {
		Browser browser = new Browser(this.mvc);
		String asked = "/billing/accounts/" + DemoData.CONTOSO + "/invoices?status=PAID";
		MvcResult redirected = browser.get(asked);
		assertThat(redirected.getResponse().getRedirectedUrl()).endsWith("/login");
		Cookie saved = redirected.getResponse().getCookie("REDIRECT_URI");
		assertThat(saved.isHttpOnly()).isTrue();
		assertThat(saved.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(saved.getPath()).isEqualTo("/");
		MvcResult signedIn = browser.signIn(DemoData.CONTOSO_ADMIN, DemoData.PASSWORD);
		assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith(asked);
		assertThat(browser.get(asked).getResponse().getStatus()).isEqualTo(200);
		assertThat(browser.cookie("REDIRECT_URI")).as("used once").isNull();

		// A form posted without a session is not a page to go back to.
		Browser other = new Browser(this.mvc);
		other.get("/login");
		other.post("/billing/accounts/" + DemoData.CONTOSO + "/invoices");
		assertThat(other.cookie("REDIRECT_URI")).isNull();
	}

	@Test
	void aStaleSessionCookieTheBrowserKeepsStillLetsTheSignInPageOpen() throws Exception {
		// A SESSION cookie of a parent domain or another path (another application's, or one planted
		// from a sibling domain): the portal's deletion does not reach it, so the browser sends it again.
		Cookie stale = new Cookie("SESSION",
				Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
		long before = sessions();
		for (String page : List.of("/login?expired", "/login", "/signup")) {
			MvcResult answer = this.mvc.perform(get(page).cookie(stale)).andReturn();
			assertThat(answer.getResponse().getStatus()).as(page + ": no redirect to itself").isEqualTo(200);
		}
		assertThat(this.mvc.perform(get("/billing").cookie(stale)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?expired");
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void aTokenKeptInACookieAnswersOnlyThePortalsOwnPages() throws Exception {
		MvcResult page = this.mvc.perform(get("/login")).andReturn();
		Cookie token = page.getResponse().getCookie(CsrfTokens.COOKIE);
		String field = field(page.getResponse().getContentAsString());
		String email = newUser();
		// A page on a sibling domain that planted the cookie posts the form: the browser says "same-site".
		for (String site : List.of("same-site", "cross-site")) {
			MvcResult planted = this.mvc.perform(post("/login").header("Sec-Fetch-Site", site)
				.cookie(token)
				.param("email", email)
				.param("password", SignInSecurityTest.PASSWORD)
				.param("_csrf", field)).andReturn();
			assertThat(planted.getResponse().getStatus()).as(site).isEqualTo(403);
		}
		MvcResult own = this.mvc.perform(post("/login").header("Sec-Fetch-Site", "same-origin")
			.cookie(token)
			.param("email", email)
			.param("password", SignInSecurityTest.PASSWORD)
			.param("_csrf", field)).andReturn();
		assertThat(own.getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void signingOutDeletesTheCookiesOfTheSignInPage() throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.get("/billing");
		assertThat(browser.cookie("REDIRECT_URI")).isNotNull();
		browser.signIn(newUser(), SignInSecurityTest.PASSWORD);
		browser.get("/");
		MvcResult out = browser.post("/logout");
		assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
		assertThat(out.getResponse().getHeaders("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("REDIRECT_URI=;"))
			.anySatisfy((c) -> assertThat(c).startsWith(CsrfTokens.COOKIE + "=;"))
			.anySatisfy((c) -> assertThat(c).startsWith("SESSION=;"));
	}

	@Test
	void aStaleSessionCookieLeadsToTheSignInPageOnce() throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.signIn(newUser(), SignInSecurityTest.PASSWORD);
		String id = new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
		this.demo.jdbc().update("delete from spring_session where session_id = ?", id);

		MvcResult expired = browser.get("/billing");
		assertThat(expired.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(browser.cookie("SESSION")).as("the stale cookie is deleted").isNull();
		MvcResult page = browser.get("/login?expired");
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("Your session has expired");
	}

	private MvcResult signIn(String email, Cookie token, String field) throws Exception {
		var request = post("/login").param("email", email).param("password", SignInSecurityTest.PASSWORD);
		if (token != null) {
			request.cookie(token);
		}
		if (field != null) {
			request.param("_csrf", field);
		}
		return this.mvc.perform(request).andReturn();
	}

	private String newUser() {
		String email = "visitor-" + UUID.randomUUID() + "@example.com";
		this.users.create(email, "Visitor", SignInSecurityTest.PASSWORD);
		return email;
	}

	private long sessions() {
		return this.demo.jdbc().queryForObject("select count(*) from spring_session", Long.class);
	}

	private static String field(String html) {
		String token = Browser.csrfToken(html);
		assertThat(token).as("the form's CSRF token").isNotNull();
		return token;
	}

}
