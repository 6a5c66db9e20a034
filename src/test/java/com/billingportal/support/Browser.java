package com.billingportal.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


/**
 * A browser over MockMvc: keeps the cookies the portal sets (the Spring Session cookie among
 * them) and posts forms with the CSRF token of the last page it read, as a person would.
 */
public class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final MockMvc mvc;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final List<String> setCookieHeaders = new ArrayList<>();

	private String csrf;

	public Browser(MockMvc mvc) {
		this.mvc = mvc;
	}

	public MvcResult get(String url) throws Exception {
		return send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url));
	}

	/** Posts a form with the CSRF token of the last page read. */
	public MvcResult post(String url, String... namesAndValues) throws Exception {
		MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(url);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		if (this.csrf != null) {
			request.param("_csrf", this.csrf);
		}
		return send(request);
	}

	/** Opens the sign-in page and signs in with the form. */
	public MvcResult signIn(String email, String password) throws Exception {
		get("/login");
		return post("/login", "email", email, "password", password);
	}

	/** The CSRF token of a page's form, as a browser would post it; null if the page has no form. */
	public static String csrfToken(String html) {
		Matcher m = CSRF.matcher(html);
		return m.find() ? m.group(1) : null;
	}

	public String cookie(String name) {
		return this.cookies.get(name);
	}

	public void forget(String name) {
		this.cookies.remove(name);
	}

	/** Every Set-Cookie header the portal sent so far. */
	public List<String> setCookieHeaders() {
		return this.setCookieHeaders;
	}

	private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.entrySet()
				.stream()
				.map((c) -> new Cookie(c.getKey(), c.getValue()))
				.toArray(Cookie[]::new));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		for (String header : result.getResponse().getHeaders("Set-Cookie")) {
			this.setCookieHeaders.add(header);
			String first = header.split(";", 2)[0];
			int eq = first.indexOf('=');
			String name = first.substring(0, eq).strip();
			String value = first.substring(eq + 1).strip();
			if (value.isEmpty() || header.contains("Max-Age=0")) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
		String body = result.getResponse().getContentAsString();
		Matcher m = CSRF.matcher(body);
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return result;
	}

}
