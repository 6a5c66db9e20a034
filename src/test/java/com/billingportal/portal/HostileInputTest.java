package com.billingportal.portal;

import java.time.YearMonth;
import java.util.UUID;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an attacker or a careless paste types into names: markup, quotes, ten thousand characters,
 * Unicode, control characters. Each is either kept and shown escaped, or refused with a message;
 * never a server error, never markup in a page.
 */
@PortalTest
@Transactional
class HostileInputTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String QUOTES = "\"'><img src=x onerror=alert(1)>";

	static final String UNICODE = "Zoë 陈 O'Brien 👩‍💻 ﷽";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	EntityManager entityManager;

	@Autowired
	DemoData demo;

	long contoso;

	@BeforeEach
	void setUp() {
		this.contoso = this.demo.contoso();
	}

	@ParameterizedTest
	@ValueSource(strings = { SCRIPT, QUOTES, UNICODE, "TEN_THOUSAND", "Nul\u0000Byte", "Line\r\nBreak" })
	void aCardHoldersNameIsShownEscapedOrRefused(String typed) throws Exception {
		String holder = typed.equals("TEN_THOUSAND") ? "A".repeat(10_000) : typed;
		MvcResult result = this.mvc.perform(post("/billing/accounts/" + this.contoso + "/payment-methods")
			.param("holderName", holder)
			.param("number", "5105105105105100")
			.param("expiryMonth", "5")
			.param("expiryYear", String.valueOf(YearMonth.now().getYear() + 2))
			.param("cvc", "123")
			.param("country", "US")
			.param("postalCode", "98052")
			.with(csrf())
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).isIn(200, 302);
		String page;
		if (status == 200) {
			page = result.getResponse().getContentAsString();
			assertThat(page).containsAnyOf("The cardholder name can be at most 100 characters.",
					"The cardholder name contains characters that can&#39;t be used.");
		}
		else {
			this.entityManager.flush();
			page = this.mvc.perform(get("/billing/accounts/" + this.contoso + "/payment-methods")
				.with(user(this.demo.user(DemoData.CONTOSO_READER)))).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("•••• 5100");
			if (typed.equals(UNICODE)) {
				assertThat(page).contains("Zoë 陈 O&#39;Brien 👩‍💻 ﷽");
			}
		}
		assertNoMarkupFrom(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { SCRIPT, QUOTES, UNICODE, "TEN_THOUSAND" })
	void anEditedHoldersNameIsShownEscapedOrRefused(String typed) throws Exception {
		String holder = typed.equals("TEN_THOUSAND") ? "B".repeat(10_000) : typed;
		long visa = this.demo.cardId(this.contoso, "4242");
		MvcResult result = this.mvc
			.perform(post("/billing/accounts/" + this.contoso + "/payment-methods/" + visa + "/edit")
				.param("holderName", holder)
				.param("expiryMonth", "5")
				.param("expiryYear", String.valueOf(YearMonth.now().getYear() + 2))
				.with(csrf())
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isIn(200, 302);
		String page = (result.getResponse().getStatus() == 200) ? result.getResponse().getContentAsString()
				: this.mvc.perform(get("/billing/accounts/" + this.contoso + "/payment-methods")
					.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn().getResponse().getContentAsString();
		if (typed.equals(SCRIPT)) {
			assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		}
		assertNoMarkupFrom(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { SCRIPT, QUOTES, UNICODE, "TEN_THOUSAND", "Tab\tCorp" })
	void aCompanyNameAtSignUpIsShownEscapedOrRefused(String typed) throws Exception {
		String company = typed.equals("TEN_THOUSAND") ? "C".repeat(10_000) : typed;
		String email = "hostile-" + UUID.randomUUID() + "@example.com";
		MvcResult result = this.mvc.perform(post("/signup").param("email", email)
			.param("name", typed.equals(SCRIPT) ? SCRIPT : "Hostile Tester")
			.param("password", "a perfectly fine passphrase")
			.param("companyName", company)
			.param("country", "US")
			.param("currency", "USD")
			.with(csrf())).andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).isIn(200, 302);
		if (status == 200) {
			String page = result.getResponse().getContentAsString();
			assertThat(page).containsAnyOf("The company name can be at most 200 characters.",
					"The company name contains characters that can&#39;t be used.");
			assertNoMarkupFrom(page);
			return;
		}
		this.entityManager.flush();
		long accountId = this.jdbc.queryForObject("select a.id from billing_account a join app_user u "
				+ "on u.id = a.admin_user_id where u.email = ?", Long.class, email);
		var founder = user(this.demo.user(email));
		for (String url : new String[] { "/", "/billing/accounts/" + accountId, "/billing/accounts/" + accountId + "/properties",
				"/billing/accounts/" + accountId + "/profiles", "/billing/accounts/" + accountId + "/access",
				"/search?q=" + java.net.URLEncoder.encode(typed.substring(0, 3), java.nio.charset.StandardCharsets.UTF_8) }) {
			MvcResult shown = this.mvc.perform(get(url).with(founder)).andReturn();
			assertThat(shown.getResponse().getStatus()).as(url).isEqualTo(200);
			assertNoMarkupFrom(shown.getResponse().getContentAsString());
		}
		if (typed.equals(SCRIPT)) {
			assertThat(this.mvc.perform(get("/").with(founder)).andReturn().getResponse().getContentAsString())
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { SCRIPT + "@example.com", QUOTES, "TEN_THOUSAND" })
	void aHostileEmailInAccessControlIsRefused(String typed) throws Exception {
		String email = typed.equals("TEN_THOUSAND") ? "d".repeat(10_000) + "@example.com" : typed;
		MvcResult result = this.mvc.perform(post("/billing/accounts/" + this.contoso + "/access").param("email", email)
			.param("role", "READER")
			.with(csrf())
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(((Flash) result.getFlashMap().get("flash")).kind()).isEqualTo("error");
	}

	private static void assertNoMarkupFrom(String page) {
		assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("onerror=alert(1)>");
	}

}
