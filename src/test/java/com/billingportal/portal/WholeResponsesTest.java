package com.billingportal.portal;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.billingportal.support.Browser;
import com.billingportal.support.DemoData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages go out whole: a Content-Length instead of chunks, over the real port (Tomcat decides how a
 * response is framed; MockMvc does not), while the session is still saved and read as before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WholeResponsesTest {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void theSignInPageAndSignedInPagesHaveAContentLengthAndNoChunks() throws Exception {
		HttpResponse<byte[]> signIn = get("/login", null);
		assertWhole(signIn);
		String session = signIn(signIn);
		// Below Tomcat's default buffer of 8 KB (home, overview) and above it (the Invoices list).
		String invoices = "/billing/accounts/" + DemoData.CONTOSO + "/invoices";
		for (String path : new String[] { "/", "/billing/accounts/" + DemoData.CONTOSO, invoices }) {
			HttpResponse<byte[]> page = get(path, session);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertWhole(page);
			assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(path).contains("Contoso");
		}
		assertThat(get(invoices, session).body().length).as("a page larger than Tomcat's default buffer")
			.isGreaterThan(8192);
	}

	@Test
	void aFlushOfTheWriterWaitsForTheEndButFlushBufferSendsAtOnce() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new WholeResponses().doFilter(new MockHttpServletRequest(), response, (req, res) -> {
			PrintWriter writer = res.getWriter();
			writer.write("<p>page</p>");
			writer.flush();
			assertThat(res.isCommitted()).as("after the writer's flush").isFalse();
			res.flushBuffer();
			assertThat(res.isCommitted()).as("after flushBuffer").isTrue();
		});
		assertThat(response.getBufferSize()).isEqualTo(WholeResponses.BUFFER);
		assertThat(response.getContentAsString()).isEqualTo("<p>page</p>");
	}

	@Test
	void aFlushOfTheStreamWaitsForTheEnd() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new WholeResponses().doFilter(new MockHttpServletRequest(), response, (req, res) -> {
			res.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
			res.getOutputStream().flush();
			assertThat(res.isCommitted()).as("after the stream's flush").isFalse();
		});
		assertThat(response.getContentAsString()).isEqualTo("{}");
	}

	private static void assertWhole(HttpResponse<byte[]> response) {
		String path = response.uri().getPath();
		assertThat(response.headers().firstValue("Transfer-Encoding")).as(path).isEmpty();
		assertThat(response.headers().firstValueAsLong("Content-Length")).as(path).hasValue(response.body().length);
	}

	private HttpResponse<byte[]> get(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept-Language", "en");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Posts the sign-in form of the page with the page's CSRF cookie; the session's cookie. */
	private String signIn(HttpResponse<byte[]> page) throws Exception {
		String token = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((c) -> c.substring(0, c.indexOf(';')))
			.reduce((a, b) -> a + "; " + b)
			.orElse("");
		String form = "email=" + URLEncoder.encode(DemoData.CONTOSO_ADMIN, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(Browser.csrfToken(new String(page.body(), StandardCharsets.UTF_8)),
						StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", token)
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		return signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers().map()));
	}

}
