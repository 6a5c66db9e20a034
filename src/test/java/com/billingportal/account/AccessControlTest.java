package com.billingportal.account;

import com.billingportal.portal.Flash;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/** Access control (IAM): the admin adds and removes role assignments; the rules hold. */
@PortalTest
@Transactional
class AccessControlTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	EntityManager entityManager;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	DemoData demo;

	long contoso;

	@BeforeEach
	void setUp() {
		this.contoso = this.demo.contoso();
	}

	@Test
	void theAdminSeesTheAssignmentsWithRemoveAndAddButNotForThemselves() throws Exception {
		String page = page(DemoData.CONTOSO_ADMIN);
		assertThat(page).contains("admin@contoso.com", "reader@contoso.com", "contributor@contoso.com")
			.contains("Always an Owner")
			.contains("Add role assignment")
			.contains("Remove the role assignment of reader@contoso.com")
			.doesNotContain("Remove the role assignment of admin@contoso.com");
	}

	@Test
	void othersSeeTheListReadOnly() throws Exception {
		String page = page(DemoData.CONTOSO_READER);
		assertThat(page).contains("admin@contoso.com", "contributor@contoso.com")
			.contains("Only the billing account admin can add or remove role assignments.")
			.doesNotContain("Add role assignment")
			.doesNotContain("/remove\"");
	}

	@Test
	void theAdminAddsAnExistingUserByEmailWhoHasTheRoleOnceTheyAccept() throws Exception {
		long audited = this.demo.auditCount("ROLE_ASSIGNED");
		MvcResult result = add(DemoData.CONTOSO_ADMIN, "  Admin@Fabrikam.com ", "CONTRIBUTOR");
		assertThat(flash(result).messageKey()).isEqualTo("iam.invited");
		assertThat(flash(result).argument()).isEqualTo("admin@fabrikam.com");
		assertThat(this.demo.auditCount("ROLE_ASSIGNED")).as("no role before the invitation is accepted")
			.isEqualTo(audited);
		this.mvc.perform(get("/billing/accounts/" + this.contoso).with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isEqualTo(404));

		long invitation = this.demo.invitationId(this.contoso, "admin@fabrikam.com");
		this.mvc.perform(post("/invitations/" + invitation + "/accept").with(csrf())
			.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andExpect((r) -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/billing/accounts/" + this.contoso));
		assertThat(this.jdbc.queryForObject("select r.role from role_assignment r join app_user u on u.id = r.user_id "
				+ "where r.billing_account_id = ? and u.email = 'admin@fabrikam.com'", String.class, this.contoso))
			.isEqualTo("CONTRIBUTOR");
		assertThat(this.demo.auditCount("ROLE_ASSIGNED")).isEqualTo(audited + 1);
		// The new contributor now sees Contoso, and still cannot pay.
		this.mvc.perform(get("/billing/accounts/" + this.contoso).with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
		this.mvc.perform(get("/billing/accounts/" + this.contoso + "/invoices/" + this.demo.dueInvoice(this.contoso) + "/pay")
			.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
	}

	@Test
	void addingRefusesExistingAssignmentsPendingInvitationsAndMissingRoles() throws Exception {
		this.demo.invite(this.contoso, "admin@northwind.com", "READER");
		String before = checksum();
		assertThat(flash(add(DemoData.CONTOSO_ADMIN, "reader@contoso.com", "OWNER")).messageKey())
			.isEqualTo("iam.error.alreadyAssigned");
		assertThat(flash(add(DemoData.CONTOSO_ADMIN, "Admin@Northwind.com", "OWNER")).messageKey())
			.isEqualTo("iam.error.alreadyInvited");
		assertThat(flash(add(DemoData.CONTOSO_ADMIN, "admin@northwind.com", "SUPERUSER")).messageKey())
			.isEqualTo("iam.error.roleRequired");
		assertThat(flash(add(DemoData.CONTOSO_ADMIN, "", "READER")).messageKey()).isEqualTo("iam.error.emailRequired");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void anAddressWithoutASignInIsRefused() throws Exception {
		String before = checksum();
		MvcResult result = add(DemoData.CONTOSO_ADMIN, "Nobody.Yet@Example.com", "READER");
		assertThat(flash(result).messageKey()).isEqualTo("iam.error.noSignIn");
		assertThat(flash(result).argument()).isEqualTo("nobody.yet@example.com");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void theAdminCannotBeRemoved() throws Exception {
		String before = checksum();
		long refusals = this.demo.auditCount("ROLE_CHANGE_REFUSED");
		MvcResult result = remove(DemoData.CONTOSO_ADMIN, this.contoso, this.demo.assignmentId(this.contoso, DemoData.CONTOSO_ADMIN));
		assertThat(flash(result).messageKey()).isEqualTo("iam.error.removeAdmin");
		assertThat(checksum()).isEqualTo(before);
		assertThat(this.demo.auditCount("ROLE_CHANGE_REFUSED")).isEqualTo(refusals + 1);
		assertThat(this.messages.getMessage(flash(result).messageKey(), new Object[] { flash(result).argument() },
				java.util.Locale.ENGLISH))
			.isEqualTo("admin@contoso.com is the billing account admin, who is always an Owner and can't be removed.");
	}

	@Test
	void theLastOwnerCannotBeRemoved() throws Exception {
		// Data from before the admin rule: the admin holds a lesser role and one other user is the only Owner.
		this.jdbc.update("update role_assignment set role = 'CONTRIBUTOR' where id = ?",
				this.demo.assignmentId(this.contoso, DemoData.CONTOSO_ADMIN));
		long contributor = this.demo.assignmentId(this.contoso, DemoData.CONTOSO_CONTRIBUTOR);
		this.jdbc.update("update role_assignment set role = 'OWNER' where id = ?", contributor);
		String before = checksum();
		assertThat(flash(remove(DemoData.CONTOSO_ADMIN, this.contoso, contributor)).messageKey())
			.isEqualTo("iam.error.lastOwner");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void removingAnAssignmentTakesTheAccessAway() throws Exception {
		long audited = this.demo.auditCount("ROLE_REMOVED");
		MvcResult result = remove(DemoData.CONTOSO_ADMIN, this.contoso,
				this.demo.assignmentId(this.contoso, DemoData.CONTOSO_CONTRIBUTOR));
		assertThat(flash(result).messageKey()).isEqualTo("iam.removed");
		assertThat(this.demo.auditCount("ROLE_REMOVED")).isEqualTo(audited + 1);
		this.entityManager.flush();
		this.mvc.perform(get("/billing/accounts/" + this.contoso).with(user(this.demo.user(DemoData.CONTOSO_CONTRIBUTOR))))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
	}

	@Test
	void anotherAccountsAssignmentIdIsNotFound() throws Exception {
		String before = checksum();
		long fabrikam = this.demo.fabrikam();
		MvcResult result = remove(DemoData.FABRIKAM_ADMIN, fabrikam,
				this.demo.assignmentId(this.contoso, DemoData.CONTOSO_READER));
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void othersCannotAddOrRemove() throws Exception {
		String before = checksum();
		long refused = this.demo.auditCount("ACCESS_REFUSED");
		assertThat(add(DemoData.CONTOSO_READER, "admin@northwind.com", "OWNER").getResponse().getStatus()).isEqualTo(403);
		assertThat(remove(DemoData.CONTOSO_CONTRIBUTOR, this.contoso,
				this.demo.assignmentId(this.contoso, DemoData.CONTOSO_READER)).getResponse().getStatus()).isEqualTo(403);
		assertThat(checksum()).isEqualTo(before);
		assertThat(this.demo.auditCount("ACCESS_REFUSED")).isEqualTo(refused + 2);
	}

	private String page(String who) throws Exception {
		return this.mvc.perform(get("/billing/accounts/" + this.contoso + "/access").with(user(this.demo.user(who))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MvcResult add(String who, String email, String role) throws Exception {
		return this.mvc.perform(post("/billing/accounts/" + this.contoso + "/access").param("email", email)
			.param("role", role)
			.with(csrf())
			.with(user(this.demo.user(who)))).andReturn();
	}

	private MvcResult remove(String who, long accountId, long assignmentId) throws Exception {
		return this.mvc
			.perform(post("/billing/accounts/" + accountId + "/access/" + assignmentId + "/remove").with(csrf())
				.with(user(this.demo.user(who))))
			.andReturn();
	}

	private static Flash flash(MvcResult result) {
		return (Flash) result.getFlashMap().get("flash");
	}

	private String checksum() {
		this.entityManager.flush();
		return this.demo.checksum();
	}

}
