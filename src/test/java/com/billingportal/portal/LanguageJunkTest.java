package com.billingportal.portal;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Whatever arrives as a language — the top bar's parameter, the remembered cookie or the browser's
 * header — the page answers in one of the portal's two languages, never with a server error, and
 * nothing of the junk is remembered or written into the page.
 */
@PortalTest
class LanguageJunkTest {

	private static final String[] JUNK = { "<script>alert(1)</script>", "%00", "x", "fr", "de_DE", "zh_CN_\u0000",
			"en-US-x-\"><img src=x>", "__", "-", "a".repeat(300), "zh_TW", "tlh" };

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })
	void aJunkLanguageParameterFallsBackToASupportedLanguage(int which) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/").param("lang", JUNK[which]).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn()
			.getResponse();
		assertSupportedLanguage(response);
		Cookie remembered = response.getCookie("portal-lang");
		if (remembered != null && remembered.getMaxAge() != 0) {
			assertThat(remembered.getValue()).isIn("en", "zh-CN", "zh_CN");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })
	void aJunkCookieFallsBackToASupportedLanguage(int which) throws Exception {
		String value = JUNK[which].replaceAll("[\\s\";,\\\\\\u0000]", "_");
		assertSupportedLanguage(this.mvc
			.perform(get("/login").cookie(new Cookie("portal-lang", value)))
			.andReturn()
			.getResponse());
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>", ";;;q=junk,*", "zh-CN;q=abc", "en;q=5,,,", "*", "x-\u00e9", "fr-FR" })
	void aJunkAcceptLanguageHeaderFallsBackToASupportedLanguage(String header) throws Exception {
		assertSupportedLanguage(this.mvc.perform(get("/login").header("Accept-Language", header))
			.andReturn()
			.getResponse());
	}

	private static void assertSupportedLanguage(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isLessThan(500);
		String html = response.getContentAsString();
		assertThat(html).containsAnyOf("<html lang=\"en\"", "<html lang=\"zh-CN\"");
		assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x>");
	}

}
