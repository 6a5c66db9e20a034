package com.billingportal.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the real server (compression is Tomcat's, which MockMvc does not run): text answers are
 * gzipped for a client that asks, and sent as they are to one that does not.
 */
@BrowserTest
class CompressionIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesAndStyleSheetsAreGzippedForClientsThatAskForIt() throws Exception {
		// The sign-up page (its country list) is well above server.compression.min-response-size (2 KB).
		HttpResponse<String> page = get("/signup", true);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		Matcher css = Pattern.compile("/css/portal-[0-9a-f]{32}\\.css").matcher(get("/login", false).body());
		assertThat(css.find()).as("the sign-in page links the hashed style sheet").isTrue();
		HttpResponse<String> styles = get(css.group(), true);
		assertThat(styles.statusCode()).isEqualTo(200);
		assertThat(styles.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(styles.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
	}

	@Test
	void aPageBelowTheMinimumSizeIsSentAsItIs() throws Exception {
		// Pages go out whole (portal.WholeResponses), so Tomcat knows their length before it decides:
		// the sign-in page, some 1.3 KB, is not worth compressing. While pages went out in chunks the
		// length was unknown and every page was compressed.
		HttpResponse<String> page = get("/login", true);
		assertThat(page.body().length()).isLessThan(2048);
		assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(page.headers().firstValueAsLong("Content-Length"))
			.hasValue(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
	}

	@Test
	void clientsThatDoNotAskGetPlainText() throws Exception {
		HttpResponse<String> page = get("/login", false);
		assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(page.body()).contains("<form");
	}

	private HttpResponse<String> get(String path, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
