package com.billingportal.portal;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal shell, home, search and error pages. */
@PortalTest
class PortalPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void everyPageHasTheShellWithSearchUserSignOutAndBreadcrumb() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String page = this.mvc.perform(get("/billing/accounts/{id}/invoices", CONTOSO).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("placeholder=\"Search resources, services, and docs\"", "Avery Chen", "Sign out",
				"class=\"breadcrumb\"", ">Home<", ">Cost Management + Billing<", "aria-current=\"page\">Invoices<",
				"Sandbox");
		assertThat(page).doesNotContain("<script>").doesNotContain("style=\"");
	}

	@Test
	void withSeveralAccountsCostManagementShowsTheBillingScopes() throws Exception {
		this.demo.jdbc()
			.update("insert into role_assignment (billing_account_id, user_id, role, created_at)"
					+ " select 3, id, 'READER', current_timestamp from app_user where email = 'contributor@contoso.com'");
		String page = this.mvc.perform(get("/billing").with(user(this.demo.user("contributor@contoso.com"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Billing scopes", "Billing account type", "Contoso Ltd", "Northwind Traders",
				"Microsoft Customer Agreement", "Microsoft Online Services Program", "Contributor", "Reader")
			.doesNotContain("Fabrikam");
		this.mvc.perform(get("/").with(user(this.demo.user("contributor@contoso.com"))))
			.andExpect(content().string(containsString("Northwind Traders")));
	}

	@Test
	void thePaymentsListIsPagedWithItsOwnWords() throws Exception {
		var admin = this.demo.user("admin@contoso.com");
		int payments = this.demo.jdbc().queryForObject("select count(*) from payment where billing_account_id = 1",
				Integer.class);
		assertThat(payments).as("demo payments of Contoso").isGreaterThan(10);
		String first = this.mvc.perform(get("/billing/accounts/1/payments").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("Page 1 of 2 (" + payments + " payments)")
			.containsPattern("rel=\"next\" href=\"/billing/accounts/1/payments\\?[^\"]*page=1\">Next<")
			.doesNotContain("invoices)");
		String second = this.mvc.perform(get("/billing/accounts/1/payments").param("page", "1").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second.split("id=\"payment-").length - 1).isEqualTo(payments - 10);
	}

	@Test
	void homeShowsTheCostManagementTile() throws Exception {
		this.mvc.perform(get("/").with(user(this.demo.user("reader@contoso.com"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"tile\" href=\"/billing\"")));
	}

	@Test
	void searchFindsTheServiceByKeywordInEnglishAndChinese() throws Exception {
		PortalUser reader = this.demo.user("reader@contoso.com");
		for (String q : new String[] { "cost", "Billing", "invoice", "payment", "发票", "成本管理" }) {
			this.mvc.perform(get("/search").param("q", q).with(user(reader)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"result-link\" href=\"/billing\"")));
		}
		this.mvc.perform(get("/search").param("q", "kubernetes").with(user(reader)))
			.andExpect(content().string(not(containsString("class=\"result-link\" href=\"/billing\""))));
	}

	@Test
	void searchFindsTheUsersAccountsAndJumpsToAnInvoiceTypedInFull() throws Exception {
		PortalUser reader = this.demo.user("reader@contoso.com");
		this.mvc.perform(get("/search").param("q", "contoso").with(user(reader)))
			.andExpect(content().string(containsString("href=\"/billing/accounts/1\"")));
		this.mvc.perform(get("/search").param("q", "fabrikam").with(user(reader)))
			.andExpect(content().string(not(containsString("/billing/accounts/2"))));
		String number = this.demo.pastDueInvoice(CONTOSO);
		this.mvc.perform(get("/search").param("q", " " + number.toLowerCase() + " ").with(user(reader)))
			.andExpect(redirectedUrl("/billing/accounts/1/invoices/" + number));
		this.mvc.perform(get("/billing/accounts/1/invoices/{n}", number).with(user(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Net 30")));
	}

	@Test
	void errorPagesAreInTheShellWithoutStackTraces() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		this.mvc.perform(get("/billing/accounts/999").with(user(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("class=\"topbar\"")))
			.andExpect(content().string(containsString("Not found")))
			.andExpect(content().string(not(containsString("Exception"))));
		this.mvc.perform(get("/billing/accounts/2/invoices/G999999999").with(user(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theOverviewWarnsOfAFailedPayment() throws Exception {
		this.mvc.perform(get("/billing/accounts/{id}", CONTOSO).with(user(this.demo.user("admin@contoso.com"))))
			.andExpect(content().string(containsString("Payment is past due. There is a problem with your payment method")))
			.andExpect(content().string(containsString("Past-due invoices")));
		this.mvc.perform(get("/billing/accounts/{id}", DemoData.FABRIKAM).with(user(this.demo.user("admin@fabrikam.com"))))
			.andExpect(content().string(not(containsString("There is a problem with your payment method"))));
	}

}
