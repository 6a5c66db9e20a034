package com.billingportal.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS proxy: a request the proxy marks {@code X-Forwarded-Proto: https} is secure, so it
 * gets Strict-Transport-Security and Secure cookies (here the sign-in form's CSRF token's; the session
 * cookie's: {@code SignInSecurityTest}); plain HTTP gets neither. Over a real
 * port, because Tomcat's RemoteIpValve (server.forward-headers-strategy) is what reads the header.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StrictTransportSecurityTest {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

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

	private HttpResponse<String> signInPage(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
