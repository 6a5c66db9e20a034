package com.billingportal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route the application exposes × every kind of visitor: the status each gets, and for a
 * state-changing route that is refused, a database left exactly as it was. Routes are discovered
 * from the handler mapping, so a new route without a row here fails {@link #everyRouteHasARow()}.
 * <p>
 * Adding a route is one line in {@link #ROWS}: method, pattern (as mapped), the expected status
 * for anonymous, Contoso admin, Contoso reader, Contoso contributor and Fabrikam admin (all asking
 * about Contoso's objects), and for a POST the form it sends. Placeholders in the pattern are
 * filled from {@link #fixtures()}; add one there for a new path variable.
 */
@PortalTest
@Transactional
class RouteAccessMatrixTest {

	/** Redirect to the sign-in page (anonymous), or a redirect after a change (Post/Redirect/Get). */
	static final int REDIRECT = 302;

	static final List<Row> ROWS = List.of(
	//@formatter:off
	//        method  pattern                                                            anon  admin reader contrib fabrikam   form
	row("GET",  "/",                                                                      302,  200,  200,  200,  200),
	row("GET",  "/search",                                                                302,  200,  200,  200,  200),
	row("GET",  "/login",                                                                 200,  200,  200,  200,  200),
	row("GET",  "/signup",                                                                200,  200,  200,  200,  200),
	// An invited admin's link (AdminInvitationTest): without a valid token, 404 for everyone.
	row("GET",  "/welcome",                                                               404,  404,  404,  404,  404),
	row("POST", "/welcome",                                                               404,  404,  404,  404,  404,  "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&password=correct horse battery staple"),
	row("POST", "/signup",                                                                302,  302,  302,  302,  302,  "email=matrix-new@example.com&name=New Person&password=correct horse battery staple&companyName=Matrix Ltd&country=US&currency=USD"),
	row("GET",  "/error",                                                                 500,  500,  500,  500,  500),
	row("GET",  "/billing",                                                               302,  302,  302,  302,  302),
	row("GET",  "/billing/accounts/{accountId}",                                          302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/properties",                               302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/invoices",                                 302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/invoices/{number}",                        302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/invoices/{number}/pdf",                    302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/invoices/{number}/usage.csv",              302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/payments/{reference}/receipt",             302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/payments/{reference}/receipt.pdf",         302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/invoices/{number}/pay",                    302,  200,  403,  403,  404),
	row("POST", "/billing/accounts/{accountId}/invoices/{number}/pay",                    302,  302,  403,  403,  404,  "idempotencyKey={uuid}&paymentMethod={visaId}"),
	row("GET",  "/billing/accounts/{accountId}/invoices/download",                        302,  200,  200,  200,  404,  "invoice={number}"),
	row("GET",  "/billing/accounts/{accountId}/invoices/pay-selected",                    302,  200,  403,  403,  404,  "invoice={number}"),
	row("POST", "/billing/accounts/{accountId}/invoices/pay-selected",                    302,  302,  403,  403,  404,  "invoice={number}&idempotencyKey={uuid}&paymentMethod={visaId}"),
	row("GET",  "/billing/accounts/{accountId}/payments",                                 302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/payments/{reference}/verify",              302,  302,  403,  403,  404),
	row("POST", "/billing/accounts/{accountId}/payments/{reference}/verify",              302,  302,  403,  403,  404,  "decision=complete"),
	row("GET",  "/billing/accounts/{accountId}/profiles",                                 302,  200,  200,  200,  404),
	row("GET",  "/billing/accounts/{accountId}/profiles/{profileId}/edit",              302,  200,  403,  403,  404),
	row("POST", "/billing/accounts/{accountId}/profiles/{profileId}/edit",              302,  302,  403,  403,  404,  "name=Contoso Billing (matrix)&company=Contoso Ltd&line1=1 Main St&city=Redmond&postalCode=98052&country=US&poNumber=PO-1&taxId=12-3456789&invoiceEmail=true&recipients=ap@contoso.com"),
	row("GET",  "/billing/accounts/{accountId}/payment-methods",                          302,  200,  200,  200,  404),
	row("POST", "/billing/accounts/{accountId}/payment-methods",                          302,  302,  403,  403,  404,  "holderName=Avery Chen&number=5105105105105100&expiryMonth=12&expiryYear=2035&cvc=123&country=US&postalCode=98052"),
	row("POST", "/billing/accounts/{accountId}/payment-methods/default",                  302,  302,  403,  403,  404,  "profile={profileId}&card={visaId}"),
	row("GET",  "/billing/accounts/{accountId}/payment-methods/{cardId}/edit",            302,  200,  403,  403,  404),
	row("POST", "/billing/accounts/{accountId}/payment-methods/{cardId}/edit",            302,  302,  403,  403,  404,  "holderName=A. Chen&expiryMonth=1&expiryYear=2034"),
	row("POST", "/billing/accounts/{accountId}/payment-methods/{cardId}/delete",          302,  302,  403,  403,  404),
	row("GET",  "/billing/accounts/{accountId}/access",                                   302,  200,  200,  200,  404),
	row("POST", "/billing/accounts/{accountId}/access",                                   302,  302,  403,  403,  404,  "email=admin@northwind.com&role=READER"),
	row("POST", "/billing/accounts/{accountId}/access/{assignmentId}/remove",             302,  302,  403,  403,  404),
	row("POST", "/billing/accounts/{accountId}/access/invitations/{invitationId}/revoke", 302,  302,  403,  403,  404),
	row("GET",  "/billing/accounts/{accountId}/emails",                                   302,  200,  403,  403,  404),
	row("GET",  "/billing/accounts/{accountId}/emails/{emailId}",                         302,  200,  403,  403,  404),
	// The fixture invitation is Fabrikam's admin's, to Contoso: only they may answer it.
	row("GET",  "/invitations",                                                           302,  200,  200,  200,  200),
	row("POST", "/invitations/{invitationId}/accept",                                     302,  404,  404,  404,  302),
	row("POST", "/invitations/{invitationId}/decline",                                    302,  404,  404,  404,  302),
	// The integration API answers only to an API key (ApiTest): a browser, signed in or not, gets 401.
	row("PUT",  "/api/v1/accounts/{accountExternalId}",                                   401,  401,  401,  401,  401),
	row("GET",  "/api/v1/accounts/{accountExternalId}/billing-profiles",                  401,  401,  401,  401,  401),
	row("POST", "/api/v1/accounts/{accountExternalId}/billing-profiles",                  401,  401,  401,  401,  401),
	row("POST", "/api/v1/invoices",                                                       401,  401,  401,  401,  401),
	row("GET",  "/api/v1/invoices/{number}",                                              401,  401,  401,  401,  401),
	row("POST", "/api/v1/invoices/{number}/void",                                         401,  401,  401,  401,  401),
	row("GET",  "/api/v1/payments",                                                       401,  401,  401,  401,  401),
	row("POST", "/api/v1/payments/{reference}/refunds",                                   401,  401,  401,  401,  401),
	row("POST", "/api/v1/webhook-endpoints",                                              401,  401,  401,  401,  401),
	row("GET",  "/api/v1/webhook-endpoints",                                              401,  401,  401,  401,  401),
	row("DELETE", "/api/v1/webhook-endpoints/{endpointId}",                               401,  401,  401,  401,  401),
	row("GET",  "/api/v1/webhook-deliveries",                                             401,  401,  401,  401,  401),
	// The API's description and Swagger UI are open to anyone (ApiDocsConfiguration): no data in them.
	row("GET",  "/v3/api-docs",                                                           200,  200,  200,  200,  200),
	row("GET",  "/v3/api-docs.yaml",                                                      200,  200,  200,  200,  200),
	row("GET",  "/v3/api-docs/swagger-config",                                            200,  200,  200,  200,  200),
	row("GET",  "/swagger-ui.html",                                                       302,  302,  302,  302,  302)
	//@formatter:on
	);

	enum Who {

		ANONYMOUS(null), CONTOSO_ADMIN(DemoData.CONTOSO_ADMIN), CONTOSO_READER(DemoData.CONTOSO_READER),
		CONTOSO_CONTRIBUTOR(DemoData.CONTOSO_CONTRIBUTOR), FABRIKAM_ADMIN(DemoData.FABRIKAM_ADMIN);

		final String email;

		Who(String email) {
			this.email = email;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	EntityManager entityManager;

	@Autowired
	DemoData demo;

	@BeforeEach
	void setUp() {
		this.demo.invite(this.demo.contoso(), DemoData.FABRIKAM_ADMIN, "READER");
		this.demo.keptEmail(this.demo.contoso());
	}

	@Test
	void everyRouteHasARow() {
		Set<String> discovered = discoveredRoutes();
		Set<String> covered = new TreeSet<>(ROWS.stream().map(Row::key).toList());
		Set<String> missing = new TreeSet<>(discovered);
		missing.removeAll(covered);
		Set<String> stale = new TreeSet<>(covered);
		stale.removeAll(discovered);
		assertThat(missing).as("routes without an expectation row in RouteAccessMatrixTest.ROWS").isEmpty();
		assertThat(stale).as("rows for routes that no longer exist").isEmpty();
	}

	static Stream<Arguments> cases() {
		return ROWS.stream().flatMap((row) -> Arrays.stream(Who.values()).map((who) -> Arguments.of(row, who)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void eachVisitorGetsTheExpectedAnswer(Row row, Who who) throws Exception {
		int expected = row.expected(who);
		String before = checksum();
		MvcResult result = this.mvc.perform(build(row, who, true)).andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).as("%s as %s", row, who).isEqualTo(expected);
		if (who == Who.ANONYMOUS && expected == REDIRECT && !row.isPublic()) {
			assertThat(result.getResponse().getRedirectedUrl()).as("anonymous is sent to sign in").endsWith("/login");
		}
		if (row.changesState() && (status == 401 || status == 403 || status == 404 || (who == Who.ANONYMOUS && !row.isPublic()))) {
			assertThat(checksum()).as("refused %s as %s must change nothing", row, who).isEqualTo(before);
		}
	}

	static Stream<Arguments> pages() {
		return ROWS.stream()
			.filter((row) -> !row.changesState())
			.flatMap((row) -> Stream.of(Who.ANONYMOUS, Who.CONTOSO_ADMIN, Who.FABRIKAM_ADMIN)
				.map((who) -> Arguments.of(row, who)));
	}

	/** Every answer, a page, a redirect or an error, carries the security headers. */
	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("pages")
	void everyPageCarriesTheSecurityHeaders(Row row, Who who) throws Exception {
		var response = this.mvc.perform(build(row, who, true)).andReturn().getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).as("CSP of %s", row).isNotNull().contains("frame-ancestors 'none'");
		// An API answer is never a page: it allows nothing at all.
		assertThat(csp).contains(row.isApi() ? "default-src 'none'" : "script-src 'self'");
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		// The invited admin's link holds its secret in the address: not even sent to the portal itself.
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo(row.pattern.equals("/welcome") ? "no-referrer" : "same-origin");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	/** Every page has every word in both languages: a missing key shows as ??key?? in Thymeleaf. */
	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("pages")
	void everyPageHasEveryWordInEnglishAndChinese(Row row, Who who) throws Exception {
		for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE)) {
			var response = this.mvc.perform(build(row, who, true).locale(locale)).andReturn().getResponse();
			if (response.getContentType() == null || !response.getContentType().startsWith("text/html")) {
				continue;
			}
			assertThat(response.getContentAsString()).as("%s as %s in %s", row, who, locale).doesNotContain("??");
		}
	}

	static Stream<Row> postRows() {
		return ROWS.stream().filter(Row::changesState);
	}

	@ParameterizedTest(name = "{0} without a CSRF token")
	@MethodSource("postRows")
	void aPostWithoutCsrfTokenIsRefused(Row row) throws Exception {
		String before = checksum();
		// The API has no CSRF token: no cookie authenticates it, and without its key it answers 401.
		this.mvc.perform(build(row, Who.CONTOSO_ADMIN, false)).andExpect((r) -> assertThat(r.getResponse().getStatus())
			.as("%s without CSRF token", row)
			.isEqualTo(row.isApi() ? 401 : 403));
		assertThat(checksum()).isEqualTo(before);
	}

	private String checksum() {
		this.entityManager.flush();
		return this.demo.checksum();
	}

	private MockHttpServletRequestBuilder build(Row row, Who who, boolean withCsrf) {
		Map<String, String> values = fixtures();
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(row.method()), DemoData.fillRoute(row.pattern(), values));
		if (row.form() != null) {
			for (String pair : DemoData.fillRoute(row.form(), values).split("&")) {
				int eq = pair.indexOf('=');
				request.param(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		if (who.email != null) {
			request.with(user(this.demo.user(who.email)));
		}
		if (withCsrf && row.changesState()) {
			request.with(csrf());
		}
		return request;
	}

	/** The values of the placeholders: Contoso's objects, read from the demo data. */
	private Map<String, String> fixtures() {
		Map<String, String> values = this.demo.routeValues();
		values.put("accountExternalId", "contoso");
		values.put("endpointId", "1");
		values.put("invitationId", String.valueOf(this.demo.invitationId(this.demo.contoso(), DemoData.FABRIKAM_ADMIN)));
		return values;
	}

	private Set<String> discoveredRoutes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<String> names = methods.isEmpty() ? List.of("GET") : methods.stream().map(Enum::name).toList();
			for (String pattern : info.getPatternValues()) {
				for (String method : names) {
					routes.add(method + " " + pattern);
				}
			}
		}
		return routes;
	}

	static Row row(String method, String pattern, int anonymous, int admin, int reader, int contributor,
			int fabrikam) {
		return new Row(method, pattern, List.of(anonymous, admin, reader, contributor, fabrikam), null);
	}

	static Row row(String method, String pattern, int anonymous, int admin, int reader, int contributor,
			int fabrikam, String form) {
		return new Row(method, pattern, List.of(anonymous, admin, reader, contributor, fabrikam), form);
	}

	record Row(String method, String pattern, List<Integer> statuses, String form) {

		String key() {
			return this.method + " " + this.pattern;
		}

		int expected(Who who) {
			return this.statuses.get(who.ordinal());
		}

		boolean changesState() {
			return !this.method.equals("GET");
		}

		/** The integration API (/api/**): an API key, not a browser, is its visitor. */
		boolean isApi() {
			return this.pattern.startsWith("/api/");
		}

		/** Routes open to anonymous visitors. */
		boolean isPublic() {
			return this.statuses.get(0) != REDIRECT || this.pattern.equals("/signup")
					|| this.pattern.equals("/swagger-ui.html");
		}

		@Override
		public String toString() {
			return key();
		}

	}

}
