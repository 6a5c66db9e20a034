package com.billingportal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.billingportal.payment.PaymentService;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.SqlStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page the billing account admin opens is read with a fixed number of SQL statements, the
 * same for an account with a few invoices and payments as for one with many: no query per row, and
 * a page that gains a query fails here until its budget below is raised on purpose. (A list whose
 * last page is not full knows its total without counting, so with fewer rows a page may need one
 * statement less, never more.)
 * <p>
 * Counted at the data source ({@link SqlStatements}): Hibernate's statements and the plain JDBC reads
 * (the account access check every account page starts with, the overview's facts), which Hibernate's
 * statistics do not see; Spring Session's own reads and writes of the session row are not among
 * them. Every GET route needs a line.
 */
@PortalTest
class PageStatementsTest {

	/** {@link SqlStatements#GENERIC_PLANS_SET}: one statement more on PostgreSQL. */
	static final int GENERIC_PLANS = SqlStatements.GENERIC_PLANS_SET;

	/** Route pattern → statements for one request; the placeholders are filled from the demo data. */
	static final Map<String, Integer> BUDGET = budget();

	private static Map<String, Integer> budget() {
		Map<String, Integer> budget = new LinkedHashMap<>();
		budget.put("/", 3);
		budget.put("/search?q=contoso", 2);
		budget.put("/billing", 2);
		// 7: the overview also reads the invoices whose automatic payment gave up (issue 13, its banner).
		budget.put("/billing/accounts/{accountId}", 7);
		// 5: Properties also lists each billing profile's automatic payment setting (one query).
		budget.put("/billing/accounts/{accountId}/properties", 5);
		budget.put("/billing/accounts/{accountId}/invoices", 5 + GENERIC_PLANS);
		budget.put("/billing/accounts/{accountId}/invoices?status=PAST_DUE&span=LAST_12_MONTHS", 4 + GENERIC_PLANS);
		budget.put("/billing/accounts/{accountId}/invoices?page=1", 5 + GENERIC_PLANS);
		budget.put("/billing/accounts/{accountId}/invoices/{number}", 6);
		budget.put("/billing/accounts/{accountId}/invoices/{number}/pdf", 6);
		budget.put("/billing/accounts/{accountId}/invoices/{number}/usage.csv", 5);
		// 9: the blade asks whether a payment of the invoice was declined ("Pay another amount", issue 13).
		budget.put("/billing/accounts/{accountId}/invoices/{number}/pay", 9 + GENERIC_PLANS);
		budget.put("/billing/accounts/{accountId}/invoices/pay-selected?invoice={number}", 8 + GENERIC_PLANS);
		budget.put("/billing/accounts/{accountId}/invoices/download?invoice={number}", 8);
		// 6: the Payments page also reads every invoice each payment of the page pays (one query).
		budget.put("/billing/accounts/{accountId}/payments", 6 + GENERIC_PLANS);
		budget.put("/billing/accounts/{accountId}/payments?status=SUCCEEDED", 6);
		budget.put("/billing/accounts/{accountId}/payments/{reference}/receipt", 7);
		budget.put("/billing/accounts/{accountId}/payments/{reference}/receipt.pdf", 7);
		budget.put("/billing/accounts/{accountId}/profiles", 4);
		budget.put("/billing/accounts/{accountId}/profiles/{profileId}/edit", 3);
		budget.put("/billing/accounts/{accountId}/payment-methods", 5);
		budget.put("/billing/accounts/{accountId}/payment-methods/{cardId}/edit", 4);
		budget.put("/billing/accounts/{accountId}/access", 7);
		budget.put("/billing/accounts/{accountId}/emails", 3);
		budget.put("/billing/accounts/{accountId}/emails/{emailId}", 3);
		budget.put("/invitations", 3);
		return budget;
	}

	/** GET routes that are not a page of the admin's: they answer without reading the database for a page. */
	static final Set<String> NOT_PAGES = Set.of("/login", "/signup", "/welcome", "/error",
			"/billing/accounts/{accountId}/payments/{reference}/verify",
			// The integration API and its description: no pages (ApiTest counts the API's statements).
			"/api/v1/accounts/{accountExternalId}/billing-profiles", "/api/v1/invoices/{number}", "/api/v1/payments",
			"/api/v1/webhook-endpoints", "/api/v1/webhook-deliveries",
			"/swagger-ui.html", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	SqlStatements statements;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyGetRouteHasABudget() {
		Set<String> covered = new TreeSet<>();
		BUDGET.keySet().forEach((url) -> covered.add(url.replaceFirst("\\?.*", "")));
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				routes.addAll(info.getPatternValues());
			}
		}
		routes.removeAll(NOT_PAGES);
		assertThat(covered).as("a line in PageStatementsTest.BUDGET for every page").containsAll(routes);
	}

	@Test
	void everyPageReadsItsFixedNumberOfStatementsWhateverTheAccountHolds() throws Exception {
		Map<String, Long> few = statementsPerPage();
		for (int i = 0; i < 25; i++) {
			String number = this.demo.newDueInvoice();
			if (i % 2 == 0) {
				this.payments.pay(this.demo.adminAccess(), this.demo.admin(), number, UUID.randomUUID().toString(),
						this.demo.visa(), null);
			}
		}
		Map<String, Long> many = statementsPerPage();
		Map<String, Long> budget = new LinkedHashMap<>();
		BUDGET.forEach((url, statements) -> budget.put(url, statements.longValue()));
		assertThat(many).as("statements per page, 25 more invoices and 13 more payments (raise a budget only on purpose)")
			.isEqualTo(budget);
		// With the demo data alone a list's last page may skip its count query: never more.
		few.forEach((url, statements) -> assertThat(statements).as(url).isLessThanOrEqualTo(budget.get(url)));
	}

	private Map<String, Long> statementsPerPage() throws Exception {
		Map<String, String> values = this.demo.routeValues();
		Map<String, Long> counted = new LinkedHashMap<>();
		for (String route : BUDGET.keySet()) {
			String url = DemoData.fillRoute(route, values);
			this.statements.reset();
			int status = this.mvc.perform(get(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(url).isEqualTo(route.equals("/billing") ? 302 : 200);
			counted.put(route, this.statements.count());
		}
		return counted;
	}

}
