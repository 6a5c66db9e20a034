package com.billingportal.account;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A billing account opened through the API for an admin with no sign-in: the admin is invited by
 * email (the notification module) with a link that sets a password once; then they sign in and are
 * the account's billing account admin. Upserting the account again invites nobody twice. Before
 * this, the API answered 422 (admin-not-registered) and nobody could be the admin.
 */
@PortalTest
class AdminInvitationTest {

	static final String KEY = "bp_demo_contoso_erp_public_demo_key_2026";

	static final String ADMIN = "pat.admin@adatum.example";

	static final String PASSWORD = "violet orbit cello harbor 42";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAdminWithNoSignInIsInvitedSetsAPasswordSignsInAndIsTheAdmin() throws Exception {
		upsert("adatum", ADMIN).andExpect(status().isCreated())
			.andExpect(jsonPath("$.adminEmail").value(ADMIN))
			.andExpect(jsonPath("$.adminStatus").value("invited"));
		String link = awaitInvitationLink(ADMIN);
		// The same upsert again: no second invitation, no second email.
		upsert("adatum", ADMIN).andExpect(status().isOk()).andExpect(jsonPath("$.adminStatus").value("invited"));
		assertThat(count("select count(*) from admin_invitation where email = '" + ADMIN + "'")).isEqualTo(1);
		Thread.sleep(300);
		assertThat(count("select count(*) from email_message where kind = 'ADMIN_INVITED' and recipient = '" + ADMIN + "'"))
			.isEqualTo(1);
		// Nobody signs in as the invited admin before the password is set, nor signs up with the address:
		// the invited user is disabled until then, and the address is taken.
		assertThat(this.demo.jdbc().queryForObject("select enabled from app_user where email = ?", Boolean.class, ADMIN))
			.isFalse();
		this.mvc.perform(formLogin("/login").user("email", ADMIN).password("")).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user("email", ADMIN).password(PASSWORD)).andExpect(unauthenticated());
		int users = count("select count(*) from app_user");
		this.mvc.perform(post("/signup").with(csrf())
			.param("email", ADMIN)
			.param("name", "Pat Impostor")
			.param("password", "a quite different long password 9")
			.param("companyName", "Impostor Ltd")
			.param("country", "US")
			.param("currency", "USD"))
			.andExpect(status().isOk())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("This email can&#39;t be used to create a billing account.")));
		assertThat(count("select count(*) from app_user")).isEqualTo(users);
		assertThat(this.demo.jdbc().queryForObject("select enabled from app_user where email = ?", Boolean.class, ADMIN))
			.isFalse();

		String token = link.substring(link.indexOf("token=") + 6);
		this.mvc.perform(get("/welcome").param("token", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString(ADMIN)));
		this.mvc.perform(post("/welcome").with(csrf()).param("token", token).param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("welcome-errors")));
		this.mvc.perform(post("/welcome").param("token", token).param("password", PASSWORD))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/welcome").with(csrf()).param("token", token).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?passwordSet"));

		this.mvc.perform(formLogin("/login").user("email", ADMIN).password(PASSWORD)).andExpect(authenticated());
		long accountId = this.demo.jdbc().queryForObject("select billing_account_id from admin_invitation where email = ?",
				Long.class, ADMIN);
		assertThat(this.demo.jdbc().queryForObject("select u.email from billing_account a join app_user u "
				+ "on u.id = a.admin_user_id where a.id = ?", String.class, accountId)).isEqualTo(ADMIN);
		assertThat(this.demo.jdbc().queryForObject("select r.role from role_assignment r join app_user u on u.id = r.user_id "
				+ "where r.billing_account_id = ? and u.email = ?", String.class, accountId, ADMIN)).isEqualTo("OWNER");
		this.mvc.perform(get("/billing/accounts/" + accountId + "/payment-methods").with(user(this.demo.user(ADMIN))))
			.andExpect(status().isOk());
		upsert("adatum", ADMIN).andExpect(status().isOk()).andExpect(jsonPath("$.adminStatus").value("active"));
		// The link worked once.
		this.mvc.perform(get("/welcome").param("token", token)).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("welcome-invalid")));
		this.mvc.perform(post("/welcome").with(csrf()).param("token", token).param("password", "another long password 7"))
			.andExpect(status().isNotFound());
		this.mvc.perform(formLogin("/login").user("email", ADMIN).password("another long password 7"))
			.andExpect(unauthenticated());
	}

	@Test
	void aLinkThatExpiredOrWasNeverSentSetsNothing() throws Exception {
		String admin = "lee.admin@adatum.example";
		upsert("adatum-expired", admin).andExpect(status().isCreated());
		String link = awaitInvitationLink(admin);
		String token = link.substring(link.indexOf("token=") + 6);
		this.mvc.perform(get("/welcome").param("token", "x".repeat(43))).andExpect(status().isNotFound());
		this.mvc.perform(get("/welcome")).andExpect(status().isNotFound());
		this.clock.advance(AdminInvitations.VALID_FOR.plusMinutes(1));
		this.mvc.perform(get("/welcome").param("token", token)).andExpect(status().isNotFound());
		this.mvc.perform(post("/welcome").with(csrf()).param("token", token).param("password", PASSWORD))
			.andExpect(status().isNotFound());
		this.mvc.perform(formLogin("/login").user("email", admin).password(PASSWORD)).andExpect(unauthenticated());
		// Upserting the account again sends a new link (the same invitation); the old one stays dead.
		upsert("adatum-expired", admin).andExpect(status().isOk()).andExpect(jsonPath("$.adminStatus").value("invited"));
		await(() -> count("select count(*) from email_message where kind = 'ADMIN_INVITED' and recipient = '" + admin
				+ "'") == 2);
		assertThat(count("select count(*) from admin_invitation where email = '" + admin + "'")).isEqualTo(1);
		String renewed = this.demo.jdbc()
			.queryForList("select mime from email_message where kind = 'ADMIN_INVITED' and recipient = ? order by id",
					String.class, admin)
			.get(1);
		String newToken = token(renewed);
		assertThat(newToken).isNotEqualTo(token);
		this.mvc.perform(get("/welcome").param("token", token)).andExpect(status().isNotFound());
		this.mvc.perform(post("/welcome").with(csrf()).param("token", newToken).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?passwordSet"));
		this.mvc.perform(formLogin("/login").user("email", admin).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void anAdminWhoSignsInAlreadyIsNotInvited() throws Exception {
		upsert("adatum-northwind", DemoData.NORTHWIND_ADMIN).andExpect(status().isCreated())
			.andExpect(jsonPath("$.adminStatus").value("active"));
		assertThat(count("select count(*) from admin_invitation a join app_user u on u.id = a.user_id where u.email = '"
				+ DemoData.NORTHWIND_ADMIN + "'")).isZero();
	}

	private ResultActions upsert(String id, String admin) throws Exception {
		MockHttpServletRequestBuilder request = put("/api/v1/accounts/" + id).header("Authorization", "Bearer " + KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Adatum Corporation","agreementType":"MICROSOFT_CUSTOMER_AGREEMENT","currency":"USD",
					 "adminEmail":"%s","soldTo":{"company":"Adatum Corporation","country":"US"}}""".formatted(admin));
		return this.mvc.perform(request);
	}

	/** The link of the invitation email, from its plain-text part (written by the listener after commit). */
	private String awaitInvitationLink(String admin) throws Exception {
		String where = " from email_message where kind = 'ADMIN_INVITED' and recipient = '" + admin + "'";
		await(() -> count("select count(*)" + where) > 0);
		return link(this.demo.jdbc().queryForObject("select mime" + where, String.class));
	}

	private static String link(String mime) throws Exception {
		MimeMessage message = new MimeMessage((Session) null,
				new ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)));
		String text = text(message.getContent());
		Matcher link = Pattern.compile("https?://\\S+/welcome\\?token=[A-Za-z0-9_-]{43}").matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group();
	}

	private static String token(String mime) throws Exception {
		String link = link(mime);
		return link.substring(link.indexOf("token=") + 6);
	}

	private static String text(Object content) throws Exception {
		if (content instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				all.append(text(part.getContent())).append('\n');
			}
			return all.toString();
		}
		return (content instanceof String s) ? s : "";
	}

	private int count(String sql) {
		return this.demo.jdbc().queryForObject(sql, Integer.class);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
