package com.billingportal.portal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Style sheets, scripts and images: linked under content-hashed URLs, cached by browsers for a
 * year, and served without a session (so a page's many sub-requests never touch the session table).
 */
@PortalTest
class StaticFilesTest {

	private static final Pattern HASHED = Pattern.compile("(/(css|js|images)/portal-[0-9a-f]{32}\\.(css|js))");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void pagesLinkStyleSheetAndScriptUnderContentHashedUrls() throws Exception {
		for (String page : new String[] { "/signup", "/billing/accounts/" + CONTOSO + "/invoices" }) {
			String html = this.mvc.perform(get(page).with(user(this.demo.user("admin@contoso.com"))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(hashed(html)).as(page).contains(".css").contains(".js");
			assertThat(html).as(page).doesNotContain("href=\"/css/portal.css\"").doesNotContain("src=\"/js/portal.js\"");
		}
	}

	@Test
	void aHashedFileIsCachedForAYearAndServedWithoutASession() throws Exception {
		String html = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		MvcResult css = this.mvc.perform(get(hashed(html).split(" ")[0])).andReturn();
		MockHttpServletResponse response = css.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains(".topbar");
		assertThat(response.getHeader("Cache-Control")).contains("max-age=31536000").contains("public");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Set-Cookie")).isNull();
		assertThat(css.getRequest().getSession(false)).as("no session created or read").isNull();
	}

	/**
	 * A signed-in browser sends its session cookie with every file a page links. Spring Session's
	 * filter used to look the session up for each (and Spring Security's session management asked
	 * for it), which wrote the session row back: a read and a write of the session table per file.
	 */
	@Test
	void aStaticFileWithTheSessionCookieLeavesTheSessionRowAlone() throws Exception {
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.userParameter("email")
				.user(DemoData.CONTOSO_ADMIN)
				.password(DemoData.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		String html = this.mvc.perform(get("/billing/accounts/" + CONTOSO).cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String lastAccess = "select LAST_ACCESS_TIME from SPRING_SESSION order by PRIMARY_ID";
		this.demo.jdbc().update("update SPRING_SESSION set LAST_ACCESS_TIME = LAST_ACCESS_TIME - 60000");
		java.util.List<Long> before = this.demo.jdbc().queryForList(lastAccess, Long.class);
		for (String file : hashed(html).split(" ")) {
			assertThat(this.mvc.perform(get(file).cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(this.demo.jdbc().queryForList(lastAccess, Long.class)).as("the session rows, untouched by the files")
			.isNotEmpty()
			.isEqualTo(before);
	}

	/**
	 * The style sheet and the script are served from memory (before, every request read the file
	 * from the jar anew), with what the file had: its bytes, type, length, ETag and date; a request
	 * with the ETag or the date it was sent gets a 304 (with the ETag, a 200 before).
	 */
	@Test
	void filesAreServedFromMemoryWithTheirHeaders() throws Exception {
		String html = this.mvc.perform(get("/signup")).andReturn().getResponse().getContentAsString();
		List<String> files = List.of(hashed(html).split(" "));
		assertThat(files).anyMatch((f) -> f.endsWith(".css")).anyMatch((f) -> f.endsWith(".js"));
		for (String file : files) {
			Matcher parts = Pattern.compile("/(\\w+)/(\\w+)-([0-9a-f]{32})(\\.\\w+)").matcher(file);
			assertThat(parts.matches()).as(file).isTrue();
			String folder = parts.group(1);
			String hash = parts.group(3);
			byte[] onDisk = new ClassPathResource("static/" + folder + "/" + parts.group(2) + parts.group(4))
				.getContentAsByteArray();

			ResourceHttpRequestHandler handler = (ResourceHttpRequestHandler) this.resourceUrls.getHandlerMap()
				.get("/" + folder + "/**");
			Resource served = served(handler, file);
			assertThat(served).as(file).isInstanceOf(StaticFilesInMemory.InMemory.class).isSameAs(served(handler, file));
			assertThat(served.getContentAsByteArray()).isEqualTo(onDisk);

			MockHttpServletResponse response = this.mvc.perform(get(file)).andReturn().getResponse();
			assertThat(response.getContentAsByteArray()).as(file).isEqualTo(onDisk);
			assertThat(response.getContentType()).startsWith(file.endsWith(".css") ? "text/css" : "text/javascript");
			assertThat(response.getContentLength()).isEqualTo(onDisk.length);
			assertThat(response.getHeader("ETag")).as("the version's ETag").isEqualTo("W/\"" + hash + "\"");
			assertThat(this.mvc.perform(get(file).header("If-Modified-Since", response.getHeader("Last-Modified")))
				.andReturn()
				.getResponse()
				.getStatus()).as("not modified since its date").isEqualTo(304);
			MockHttpServletResponse revalidated = this.mvc.perform(get(file).header("If-None-Match", response.getHeader("ETag")))
				.andReturn()
				.getResponse();
			assertThat(revalidated.getStatus()).as("not modified: the ETag it was sent").isEqualTo(304);
			assertThat(revalidated.getContentAsByteArray()).isEmpty();
			assertThat(revalidated.getHeader("ETag")).isEqualTo(response.getHeader("ETag"));
			assertThat(revalidated.getHeader("Cache-Control")).contains("max-age=31536000");
			// Another ETag wins over a date that would give a 304 (If-None-Match is asked first).
			assertThat(this.mvc
				.perform(get(file).header("If-None-Match", "W/\"" + "0".repeat(32) + "\"")
					.header("If-Modified-Since", response.getHeader("Last-Modified")))
				.andReturn()
				.getResponse()
				.getStatus()).as("another ETag").isEqualTo(200);
		}
	}

	/**
	 * Spring's cache of resolved files keeps one entry per linked path: its own key added the codings
	 * of the request's {@code Accept-Encoding}, repeats and all, so each new header made an entry for
	 * good, and so did each spelling of the file's name with escaped letters.
	 */
	@Test
	void differentAcceptEncodingHeadersAndSpellingsAddNoCacheEntry() throws Exception {
		String html = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		String css = hashed(html).split(" ")[0];
		ResourceHttpRequestHandler handler = (ResourceHttpRequestHandler) this.resourceUrls.getHandlerMap().get("/css/**");
		Map<?, ?> cache = (Map<?, ?>) ((CachingResourceResolver) handler.getResourceResolvers().get(0)).getCache()
			.getNativeCache();
		this.mvc.perform(get(css).header("Accept-Encoding", "gzip"));
		int entries = cache.size();

		String codings = "gzip";
		for (int i = 0; i < 20; i++) {
			codings += ",gzip";
			assertThat(this.mvc.perform(get(css).header("Accept-Encoding", codings)).andReturn().getResponse().getStatus())
				.isEqualTo(200);
		}
		for (String spelling : new String[] { css.replace("/portal-", "/%70ortal-"), css.replace("/portal-", "/p%6Frtal-"),
				css.replace("/portal-", "/p%6frtal-"), css.replace(".css", ".c%73s") }) {
			assertThat(this.mvc.perform(get(URI.create(spelling))).andReturn().getResponse().getStatus()).as(spelling)
				.isEqualTo(200);
		}

		assertThat(cache).hasSize(entries);
	}

	@Test
	void pagesStayUncachedAndAWriteToAStaticPathStillNeedsTheCsrfToken() throws Exception {
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getHeader("Cache-Control"))
			.contains("no-store");
		assertThat(this.mvc.perform(post("/css/portal.css")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	/**
	 * The resource the folder's handler serves for a file: what its resolvers and transformers make
	 * of it, under Spring's caches (its method is protected).
	 */
	private static Resource served(ResourceHttpRequestHandler handler, String file) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", file);
		request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, file.substring(file.indexOf('/', 1) + 1));
		return ReflectionTestUtils.invokeMethod(handler, "getResource", request);
	}

	private static String hashed(String html) {
		StringBuilder found = new StringBuilder();
		Matcher matcher = HASHED.matcher(html);
		while (matcher.find()) {
			found.append(matcher.group(1)).append(' ');
		}
		return found.toString().trim();
	}

}
