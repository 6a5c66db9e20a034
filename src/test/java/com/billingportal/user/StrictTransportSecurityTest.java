package com.billingportal.user;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.billingportal.support.Browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS proxy: a request the proxy marks {@code X-Forwarded-Proto: https} is secure, so it
 * gets Strict-Transport-Security and Secure cookies (the sign-in form's CSRF token's and, once
 * signed in, the session's); plain HTTP gets neither. Over a real
 * port, because Tomcat's RemoteIpValve (server.forward-headers-strategy) is what reads the header.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StrictTransportSecurityTest {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void aRequestTheTlsProxyForwardsGetsStrictTransportSecurityAndASecureCookie() throws Exception {
		HttpResponse<String> https = signInPage("https");
		assertThat(https.statusCode()).isEqualTo(200);
		assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				(hsts) -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
		assertThat(https.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				(cookie) -> assertThat(cookie).startsWith(CsrfTokens.COOKIE + "=")
					.contains("Secure")
					.contains("HttpOnly")
					.contains("SameSite=Lax"));
	}

	@Test
	void plainHttpGetsNoStrictTransportSecurity() throws Exception {
		for (HttpResponse<String> plain : new HttpResponse[] { signInPage(null), signInPage("http") }) {
			assertThat(plain.statusCode()).isEqualTo(200);
			assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
			assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(
					(cookie) -> assertThat(cookie).startsWith(CsrfTokens.COOKIE + "=").doesNotContain("Secure"));
		}
	}

	@Test
	void theSessionCookieIsSecureWhenTheProxyForwardedHttpsAndNotOverPlainHttp() throws Exception {
		String email = "hsts-" + UUID.randomUUID() + "@example.com";
		this.users.create(email, "Behind The Proxy", "a long passphrase nobody guesses");
		assertThat(sessionCookieOfSignIn(email, "https")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(sessionCookieOfSignIn(email, null)).doesNotContain("Secure").contains("HttpOnly");
	}

	/** The sign-in page and its form posted over the real port, as the proxy forwards them: the session's Set-Cookie. */
	private String sessionCookieOfSignIn(String email, String forwardedProto) throws Exception {
		HttpResponse<String> page = signInPage(forwardedProto);
		String token = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(CsrfTokens.COOKIE + "="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String field = Browser.csrfToken(page.body());
		assertThat(field).isNotNull();
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode("a long passphrase nobody guesses", StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(field, StandardCharsets.UTF_8);
		HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", token)
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (forwardedProto != null) {
			post.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> signedIn = this.http.send(post.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers().map()));
	}

	private HttpResponse<String> signInPage(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
