package com.billingportal.support;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.web.context.WebApplicationContext;

/**
 * Gives each {@link PortalTest} class the demo database as a fresh portal has it: the schema is
 * dropped and migrated again with the demo data, the clock is back to the real time and the
 * gateway works. Much cheaper than a new application context per class, and just as independent.
 * Before each test it also puts the portal's own CSRF token store back into the security filter
 * chain, which spring-security-test's {@code csrf()} swaps for the whole shared context.
 */
class FreshDemoDatabase implements TestExecutionListener {

	@Override
	public void beforeTestClass(TestContext testContext) throws Exception {
		ApplicationContext context = testContext.getApplicationContext();
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		// The running context computes fingerprints with the demo key it read at start-up: keep it.
		List<Map<String, Object>> keys = jdbc.queryForList("select id, secret, created_at from card_fingerprint_key");
		Flyway flyway = context.getBean(Flyway.class);
		flyway.clean();
		flyway.migrate();
		for (Map<String, Object> key : keys) {
			jdbc.update("insert into card_fingerprint_key (id, secret, created_at) values (?, ?, ?)", key.get("id"),
					key.get("secret"), key.get("created_at"));
		}
		// What a starting portal does after migrating, such as fingerprinting the demo's cards.
		for (ApplicationRunner runner : context.getBeanProvider(ApplicationRunner.class).orderedStream().toList()) {
			runner.run(new DefaultApplicationArguments());
		}
		context.getBean(MutableClock.class).reset();
		context.getBean(FaultyGateway.class).fail(FaultyGateway.Fault.NONE);
	}

	/**
	 * The portal's own CSRF token store back in the security filter chain before every test:
	 * spring-security-test's {@code csrf()} swaps it, for the whole shared context, for one that keeps
	 * the token in a session, and a test after it would no longer see what a browser sees (a sign-in
	 * page that stores no session, {@code AnonymousVisitorsTest}). A test that uses {@code csrf()} swaps
	 * it again, for the rest of that test method.
	 */
	@Override
	public void beforeTestMethod(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		if (context instanceof WebApplicationContext web && web.getServletContext() != null) {
			MockHttpServletRequest request = new MockHttpServletRequest(web.getServletContext());
			CsrfTokenRepository portal = context.getBean(CsrfTokenRepository.class);
			if (WebTestUtils.getCsrfTokenRepository(request) != portal) {
				WebTestUtils.setCsrfTokenRepository(request, portal);
			}
		}
	}

}
