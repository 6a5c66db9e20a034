package com.billingportal.account;

import java.util.UUID;

import com.billingportal.portal.Flash;
import com.billingportal.support.Browser;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Adding someone on the IAM page invites them: they see nothing of the account until they accept
 * on their Invitations page; declined and revoked invitations give nothing; nobody answers another
 * person's invitation. Each test uses its own pair of account and invitee (the class shares one
 * demo database and commits).
 */
@PortalTest
class InvitationTest {

	private static final String PASSWORD = "violet kettles hum at dawn";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	MessageSource messages;

	@Test
	void anInvitedUserSeesNothingOfTheAccountUntilTheyAccept() throws Exception {
		long contoso = this.demo.contoso();
		long sent = this.demo.auditCount("INVITATION_SENT");
		MvcResult invited = invite(DemoData.CONTOSO_ADMIN, contoso, "Admin@Fabrikam.com", "READER");
		assertThat(flash(invited).messageKey()).isEqualTo("iam.invited");
		assertThat(this.demo.auditCount("INVITATION_SENT")).isEqualTo(sent + 1);
		assertSeesNothingOf(DemoData.FABRIKAM_ADMIN, contoso, "Contoso Ltd");

		// The IAM page lists the invitation beside the role assignments, with Revoke for the admin.
		assertThat(page(DemoData.CONTOSO_ADMIN, "/billing/accounts/" + contoso + "/access"))
			.contains("Invitations waiting for an answer", "admin@fabrikam.com", "Revoke the invitation of admin@fabrikam.com");
		assertThat(page(DemoData.CONTOSO_READER, "/billing/accounts/" + contoso + "/access"))
			.contains("admin@fabrikam.com")
			.doesNotContain("Revoke the invitation");

		// Fabrikam's admin finds it from the home page, on the Invitations page.
		assertThat(page(DemoData.FABRIKAM_ADMIN, "/")).contains("An invitation to a billing account waits for your answer.",
				"href=\"/invitations\"");
		assertThat(page(DemoData.FABRIKAM_ADMIN, "/invitations")).contains("Contoso Ltd", "Reader", "Avery Chen",
				"Accept the invitation to Contoso Ltd", "Decline the invitation to Contoso Ltd", "name=\"_csrf\"");

		long accepted = this.demo.auditCount("INVITATION_ACCEPTED");
		MvcResult result = answer(DemoData.FABRIKAM_ADMIN, this.demo.invitationId(contoso, DemoData.FABRIKAM_ADMIN),
				"accept");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/billing/accounts/" + contoso);
		assertThat(flash(result).messageKey()).isEqualTo("invitations.accepted");
		assertThat(flash(result).argument()).isEqualTo("Contoso Ltd");
		assertThat(this.demo.auditCount("INVITATION_ACCEPTED")).isEqualTo(accepted + 1);
		assertThat(this.demo.invitationStatus(this.demo.invitationId(contoso, DemoData.FABRIKAM_ADMIN)))
			.isEqualTo("ACCEPTED");

		// Now the account is theirs to see, with the role they were invited with, and nothing more.
		assertThat(status(DemoData.FABRIKAM_ADMIN, "/billing/accounts/" + contoso)).isEqualTo(200);
		assertThat(page(DemoData.FABRIKAM_ADMIN, "/")).contains("Contoso Ltd").doesNotContain("href=\"/invitations\"");
		assertThat(page(DemoData.FABRIKAM_ADMIN, "/billing/accounts/" + contoso + "/properties")).contains("Reader");
		assertThat(status(DemoData.FABRIKAM_ADMIN,
				"/billing/accounts/" + contoso + "/invoices/" + this.demo.dueInvoice(contoso) + "/pay")).isEqualTo(403);
		assertThat(page(DemoData.FABRIKAM_ADMIN, "/invitations")).contains("No invitation waits for your answer.");
	}

	@Test
	void aDeclinedInvitationGivesNothing() throws Exception {
		long northwind = this.demo.northwind();
		invite(DemoData.NORTHWIND_ADMIN, northwind, DemoData.CONTOSO_CONTRIBUTOR, "OWNER");
		long declined = this.demo.auditCount("INVITATION_DECLINED");
		long invitation = this.demo.invitationId(northwind, DemoData.CONTOSO_CONTRIBUTOR);
		MvcResult result = answer(DemoData.CONTOSO_CONTRIBUTOR, invitation, "decline");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/invitations");
		assertThat(flash(result).messageKey()).isEqualTo("invitations.declined");
		assertThat(this.demo.invitationStatus(invitation)).isEqualTo("DECLINED");
		assertThat(this.demo.auditCount("INVITATION_DECLINED")).isEqualTo(declined + 1);
		assertSeesNothingOf(DemoData.CONTOSO_CONTRIBUTOR, northwind, "Northwind Traders");
		assertThat(page(DemoData.CONTOSO_CONTRIBUTOR, "/invitations")).doesNotContain("Northwind Traders");
		assertThat(answer(DemoData.CONTOSO_CONTRIBUTOR, invitation, "accept").getResponse().getStatus())
			.as("an answered invitation cannot be accepted after all")
			.isEqualTo(404);
	}

	@Test
	void aRevokedInvitationGivesNothing() throws Exception {
		long fabrikam = this.demo.fabrikam();
		invite(DemoData.FABRIKAM_ADMIN, fabrikam, DemoData.CONTOSO_READER, "READER");
		long invitation = this.demo.invitationId(fabrikam, DemoData.CONTOSO_READER);
		long revoked = this.demo.auditCount("INVITATION_REVOKED");
		MvcResult result = this.mvc
			.perform(post("/billing/accounts/" + fabrikam + "/access/invitations/" + invitation + "/revoke").with(csrf())
				.with(signedIn(DemoData.FABRIKAM_ADMIN)))
			.andReturn();
		assertThat(flash(result).messageKey()).isEqualTo("iam.revoked");
		assertThat(flash(result).argument()).isEqualTo(DemoData.CONTOSO_READER);
		assertThat(this.demo.invitationStatus(invitation)).isEqualTo("REVOKED");
		assertThat(this.demo.auditCount("INVITATION_REVOKED")).isEqualTo(revoked + 1);
		assertThat(page(DemoData.FABRIKAM_ADMIN, "/billing/accounts/" + fabrikam + "/access"))
			.doesNotContain(DemoData.CONTOSO_READER);
		assertThat(page(DemoData.CONTOSO_READER, "/invitations")).doesNotContain("Fabrikam");
		assertThat(answer(DemoData.CONTOSO_READER, invitation, "accept").getResponse().getStatus()).isEqualTo(404);
		assertSeesNothingOf(DemoData.CONTOSO_READER, fabrikam, "Fabrikam, Inc.");
	}

	@Test
	void nobodyAnswersSomeoneElsesInvitation() throws Exception {
		long contoso = this.demo.contoso();
		invite(DemoData.CONTOSO_ADMIN, contoso, DemoData.NORTHWIND_ADMIN, "READER");
		long invitation = this.demo.invitationId(contoso, DemoData.NORTHWIND_ADMIN);
		String before = this.demo.checksum();
		for (String other : new String[] { DemoData.FABRIKAM_ADMIN, DemoData.CONTOSO_ADMIN, DemoData.CONTOSO_READER }) {
			assertThat(answer(other, invitation, "accept").getResponse().getStatus()).as(other).isEqualTo(404);
			assertThat(answer(other, invitation, "decline").getResponse().getStatus()).as(other).isEqualTo(404);
			assertThat(page(other, "/invitations")).as(other).doesNotContain("data-invitation=\"" + invitation + "\"");
		}
		assertThat(this.demo.checksum()).isEqualTo(before);
		assertThat(this.demo.invitationStatus(invitation)).isEqualTo("PENDING");
		// Revoking is the admin's of that account alone.
		assertThat(this.mvc
			.perform(post("/billing/accounts/" + this.demo.fabrikam() + "/access/invitations/" + invitation + "/revoke")
				.with(csrf())
				.with(signedIn(DemoData.FABRIKAM_ADMIN)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.demo.checksum()).isEqualTo(before);
	}

	@Test
	void aSecondInvitationWhileOneWaitsIsRefusedWithAMessage() throws Exception {
		long northwind = this.demo.northwind();
		assertThat(flash(invite(DemoData.NORTHWIND_ADMIN, northwind, DemoData.FABRIKAM_ADMIN, "READER")).messageKey())
			.isEqualTo("iam.invited");
		String before = this.demo.checksum();
		Flash second = flash(invite(DemoData.NORTHWIND_ADMIN, northwind, " ADMIN@fabrikam.com", "OWNER"));
		assertThat(second.kind()).isEqualTo("error");
		assertThat(this.messages.getMessage(second.messageKey(), new Object[] { second.argument() },
				java.util.Locale.ENGLISH))
			.isEqualTo("admin@fabrikam.com already has an invitation to this billing account that waits for an answer."
					+ " Revoke it first to invite them with another role.");
		assertThat(this.demo.checksum()).isEqualTo(before);
	}

	/**
	 * Nobody proves they own an address when signing up: an invitation waiting for the sign-up of
	 * an address would go to whoever signed up with it first. Refused; once they have signed up,
	 * the invitation works.
	 */
	@Test
	void anAddressWithoutASignInIsNotInvitedUntilItHasOne() throws Exception {
		long fabrikam = this.demo.fabrikam();
		String email = "newcomer-" + UUID.randomUUID() + "@example.com";
		String before = this.demo.checksum();
		Flash refused = flash(invite(DemoData.FABRIKAM_ADMIN, fabrikam, email.toUpperCase(java.util.Locale.ROOT),
				"CONTRIBUTOR"));
		assertThat(refused.kind()).isEqualTo("error");
		assertThat(refused.messageKey()).isEqualTo("iam.error.noSignIn");
		assertThat(this.demo.checksum()).isEqualTo(before);

		Browser browser = new Browser(this.mvc);
		browser.get("/signup");
		MvcResult signedUp = browser.post("/signup", "email", email, "name", "New Comer", "password", PASSWORD,
				"companyName", "Newcomer Ltd", "country", "US", "currency", "USD");
		assertThat(signedUp.getResponse().getRedirectedUrl()).startsWith("/billing/accounts/");
		assertThat(browser.get("/invitations").getResponse().getContentAsString()).doesNotContain("Fabrikam, Inc.");
		assertThat(flash(invite(DemoData.FABRIKAM_ADMIN, fabrikam, email, "CONTRIBUTOR")).messageKey())
			.isEqualTo("iam.invited");
		assertThat(browser.get("/billing/accounts/" + fabrikam).getResponse().getStatus()).isEqualTo(404);
		String invitations = browser.get("/invitations").getResponse().getContentAsString();
		assertThat(invitations).contains("Fabrikam, Inc.", "Contributor");
		MvcResult accepted = browser.post("/invitations/" + this.demo.invitationId(fabrikam, email) + "/accept");
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/billing/accounts/" + fabrikam);
		assertThat(browser.get("/billing/accounts/" + fabrikam).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void signingInWhileAnInvitationWaitsOpensTheInvitationsFirst() throws Exception {
		String email = "invitee-" + UUID.randomUUID() + "@example.com";
		Browser founder = new Browser(this.mvc);
		founder.get("/signup");
		founder.post("/signup", "email", email, "name", "In Vitee", "password", PASSWORD, "companyName", "Invitee Ltd",
				"country", "US", "currency", "USD");
		assertThat(new Browser(this.mvc).signIn(email, PASSWORD).getResponse().getRedirectedUrl())
			.as("nothing waits: the home page")
			.isEqualTo("/");

		long northwind = this.demo.northwind();
		invite(DemoData.NORTHWIND_ADMIN, northwind, email, "READER");
		Browser browser = new Browser(this.mvc);
		assertThat(browser.signIn(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/invitations");
		assertThat(browser.get("/invitations").getResponse().getContentAsString()).contains("Northwind Traders");
		browser.post("/invitations/" + this.demo.invitationId(northwind, email) + "/decline");
		assertThat(new Browser(this.mvc).signIn(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	/** Not in their list of accounts nor in search, and every address of the account is "not found". */
	private void assertSeesNothingOf(String who, long accountId, String accountName) throws Exception {
		assertThat(page(who, "/")).doesNotContain(accountName);
		assertThat(page(who, "/search?q=" + accountName.substring(0, 5))).doesNotContain(accountName);
		for (String path : new String[] { "", "/invoices", "/payments", "/properties", "/access", "/profiles" }) {
			assertThat(status(who, "/billing/accounts/" + accountId + path)).as(path).isEqualTo(404);
		}
	}

	private MvcResult invite(String admin, long accountId, String email, String role) throws Exception {
		return this.mvc.perform(post("/billing/accounts/" + accountId + "/access").param("email", email)
			.param("role", role)
			.with(csrf())
			.with(signedIn(admin))).andReturn();
	}

	private MvcResult answer(String who, long invitationId, String answer) throws Exception {
		return this.mvc.perform(post("/invitations/" + invitationId + "/" + answer).with(csrf()).with(signedIn(who)))
			.andReturn();
	}

	private String page(String who, String url) throws Exception {
		return this.mvc.perform(get(url).with(signedIn(who))).andReturn().getResponse().getContentAsString();
	}

	private int status(String who, String url) throws Exception {
		return this.mvc.perform(get(url).with(signedIn(who))).andReturn().getResponse().getStatus();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String email) {
		PortalUser user = this.demo.user(email);
		return user(user);
	}

	private static Flash flash(MvcResult result) {
		return (Flash) result.getFlashMap().get("flash");
	}

}
