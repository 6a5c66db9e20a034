package com.billingportal.account;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Properties ("check access"): who the admin is, your role, and whether you can pay and why. */
@PortalTest
class PropertiesPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	DemoData demo;

	@BeforeEach
	void setUp() {
	}

	@Test
	void theAdminCanPayBecauseTheySignedUp() throws Exception {
		String page = properties(DemoData.CONTOSO_ADMIN, this.demo.contoso());
		assertThat(page).contains("Contoso Ltd", "Billing account ID", "<dd id=\"prop-id\">" + this.demo.contoso() + "</dd>")
			.contains("Microsoft Customer Agreement")
			.contains("Avery Chen", "admin@contoso.com")
			.contains("You are the billing account admin")
			.contains("<strong>Yes</strong>")
			.contains("Pay invoices", "Manage payment methods", "Manage access");
	}

	@Test
	void aReaderCannotPayAndIsToldWhoCan() throws Exception {
		String page = properties(DemoData.CONTOSO_READER, this.demo.contoso());
		assertThat(page).contains("Reader")
			.contains("Avery Chen", "admin@contoso.com")
			.contains("<strong>No</strong>")
			.contains("You must be the billing account admin to pay invoices. The billing account admin is the user who "
					+ "originally signed up for the Microsoft Customer Agreement account.")
			.doesNotContain("Manage payment methods");
	}

	@Test
	void aContributorCannotPayEither() throws Exception {
		assertThat(properties(DemoData.CONTOSO_CONTRIBUTOR, this.demo.contoso())).contains("Contributor")
			.contains("<strong>No</strong>");
	}

	@Test
	void aPayAsYouGoAccountSaysWhyItHasNoPayNow() throws Exception {
		long northwind = this.demo.northwind();
		String page = properties(DemoData.NORTHWIND_ADMIN, northwind);
		assertThat(page).contains("Northwind Traders", "Microsoft Online Services Program")
			.contains("<strong>No</strong>")
			.contains("only a Microsoft Customer Agreement account pays by card here. Pay-as-you-go accounts are "
					+ "charged automatically to the card on file.");
		String invoices = this.mvc
			.perform(get("/billing/accounts/" + northwind + "/invoices").with(user(this.demo.user(DemoData.NORTHWIND_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(invoices).doesNotContain("class=\"pay-now\"");
	}

	private String properties(String who, long accountId) throws Exception {
		return this.mvc.perform(get("/billing/accounts/" + accountId + "/properties").with(user(this.demo.user(who))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
