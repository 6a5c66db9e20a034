package com.billingportal.portal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signed-in request writes its session row back only when the session changed or its last access
 * is a minute old: not once per page (Spring Session's default) although nothing but the time moved.
 */
@PortalTest
class SessionTouchTest {

	private static final String LAST_ACCESS = "select LAST_ACCESS_TIME from SPRING_SESSION where SESSION_ID = ?";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void aPageWithinAMinuteOfTheLastAccessLeavesTheSessionRowAlone() throws Exception {
		Cookie session = signIn();
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		long halfAMinuteAgo = System.currentTimeMillis() - 30_000;
		this.demo.jdbc().update("update SPRING_SESSION set LAST_ACCESS_TIME = ? where SESSION_ID = ?", halfAMinuteAgo, id);

		this.mvc.perform(get("/billing/accounts/" + CONTOSO).cookie(session)).andExpect(status().isOk());
		assertThat(lastAccess(id)).as("not written back within the minute").isEqualTo(halfAMinuteAgo);

		long fiveMinutesAgo = System.currentTimeMillis() - 300_000;
		this.demo.jdbc().update("update SPRING_SESSION set LAST_ACCESS_TIME = ? where SESSION_ID = ?", fiveMinutesAgo, id);
		long before = System.currentTimeMillis();
		this.mvc.perform(get("/billing/accounts/" + CONTOSO).cookie(session)).andExpect(status().isOk());
		assertThat(lastAccess(id)).as("moved once a minute had passed").isGreaterThanOrEqualTo(before);
	}

	@Test
	void aSessionIdleLongerThanItsTimeOutIsStillSignedOut() throws Exception {
		Cookie session = signIn();
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		long anHourAgo = System.currentTimeMillis() - 3_600_000;
		this.demo.jdbc()
			.update("update SPRING_SESSION set LAST_ACCESS_TIME = ?, EXPIRY_TIME = ? where SESSION_ID = ?", anHourAgo,
					anHourAgo + 1_800_000, id);
		this.mvc.perform(get("/billing/accounts/" + CONTOSO).cookie(session)).andExpect(status().is3xxRedirection());
	}

	/** SessionValues: the security context in fields of its own, read back on the next page. */
	@Test
	void theSignedInContextIsStoredInItsOwnFields() throws Exception {
		Cookie session = signIn();
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		byte[] stored = this.demo.jdbc()
			.queryForObject("select a.ATTRIBUTE_BYTES from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s "
					+ "on s.PRIMARY_ID = a.SESSION_PRIMARY_ID where s.SESSION_ID = ? and a.ATTRIBUTE_NAME = ?",
					byte[].class, id, "SPRING_SECURITY_CONTEXT");
		assertThat(Arrays.copyOf(stored, 3)).isEqualTo(SessionValues.CONTEXT);
		String page = this.mvc.perform(get("/billing/accounts/" + CONTOSO).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(this.demo.user(DemoData.CONTOSO_ADMIN).email());
	}

	private Cookie signIn() throws Exception {
		Cookie session = this.mvc
			.perform(formLogin("/login").userParameter("email").user(DemoData.CONTOSO_ADMIN).password(DemoData.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private long lastAccess(String id) {
		return this.demo.jdbc().queryForObject(LAST_ACCESS, Long.class, id);
	}

}
