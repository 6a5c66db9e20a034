package com.billingportal.card;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import com.billingportal.card.PaymentMethodService.Reason;
import com.billingportal.portal.Flash;
import com.billingportal.support.Browser;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Payment methods: every rule of the page, for the admin and for everyone else. */
@PortalTest
@Transactional
class PaymentMethodsTest {

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

	long visa;

	long mastercard;

	long mainProfile;

	long researchProfile;

	@BeforeEach
	void setUp() {
		this.contoso = this.demo.contoso();
		this.visa = this.demo.cardId(this.contoso, "4242");
		this.mastercard = this.demo.cardId(this.contoso, "4444");
		this.mainProfile = this.demo.profileId("Contoso Billing");
		this.researchProfile = this.demo.profileId("Contoso Research");
	}

	@Test
	void theAdminSeesTheDefaultTheCardsAndEveryAction() throws Exception {
		String page = page(DemoData.CONTOSO_ADMIN, this.mainProfile);
		assertThat(page).contains("Default payment method", "Replace", "Your credit cards", "Add payment method")
			.contains("•••• 4242", "•••• 4444")
			.contains("Edit the card ending in 4444", "Delete the card ending in 4242")
			.contains("Make this my default payment method")
			.contains("Expired");
		// An expired card cannot be made default: no button for it.
		assertThat(page).doesNotContain("Make the card ending in 4444 the default payment method");
	}

	@Test
	void othersSeeTheCardsReadOnly() throws Exception {
		for (String who : List.of(DemoData.CONTOSO_READER, DemoData.CONTOSO_CONTRIBUTOR)) {
			String page = page(who, this.mainProfile);
			assertThat(page).contains("•••• 4242", "•••• 4444", "Default payment method")
				.contains("Only the billing account admin can manage payment methods.")
				.doesNotContain("Add payment method")
				.doesNotContain("Delete the card")
				.doesNotContain("/delete\"")
				.doesNotContain("Replace with");
		}
	}

	@Test
	void addingACardSavesItAndCanMakeItTheDefault() throws Exception {
		long added = this.demo.auditCount("CARD_ADDED");
		long defaults = this.demo.auditCount("CARD_MADE_DEFAULT");
		MvcResult result = this.mvc
			.perform(asAdmin(post(methods() + "?profile=" + this.researchProfile)).param("holderName", "Avery Chen")
				.param("number", "5105 1051 0510 5100")
				.param("expiryMonth", "7")
				.param("expiryYear", String.valueOf(YearMonth.now().getYear() + 2))
				.param("cvc", "321")
				.param("country", "US")
				.param("postalCode", "98052")
				.param("makeDefault", "true"))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(methods() + "?profile=" + this.researchProfile);
		long cardId = this.jdbc.queryForObject(
				"select id from credit_card where billing_account_id = ? and last_four = '5100'", Long.class, this.contoso);
		assertThat(defaultOf(this.researchProfile)).isEqualTo(cardId);
		assertThat(defaultOf(this.mainProfile)).isEqualTo(this.visa);
		assertThat(this.demo.auditCount("CARD_ADDED")).isEqualTo(added + 1);
		assertThat(this.demo.auditCount("CARD_MADE_DEFAULT")).isEqualTo(defaults + 1);
		assertThat(this.jdbc.queryForList("select * from credit_card where id = ?", cardId).toString())
			.as("no column holds the card number or the CVC")
			.doesNotContain("5105105105105100")
			.doesNotContain("321,");
	}

	@Test
	void theSameCardTwiceIsRefused() throws Exception {
		String before = checksum();
		MvcResult result = this.mvc.perform(asAdmin(post(methods())).param("holderName", "Avery Chen")
			.param("number", "4242424242424242")
			.param("expiryMonth", "12")
			.param("expiryYear", String.valueOf(YearMonth.now().getYear() + 3))
			.param("cvc", "123")
			.param("country", "US")
			.param("postalCode", "98052")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("This card is already one of your payment methods.").doesNotContain("4242424242424242");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void aMistypedCardIsRefusedWithoutEchoingTheNumber() throws Exception {
		String before = checksum();
		MvcResult result = this.mvc.perform(asAdmin(post(methods())).param("holderName", "")
			.param("number", "4242424242424241")
			.param("expiryMonth", "1")
			.param("expiryYear", "2001")
			.param("cvc", "99")
			.param("country", "US")
			.param("postalCode", "98052")).andReturn();
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("Enter the name on the card.", "That card number isn&#39;t valid.",
				"This card has expired.", "Enter the 3-digit security code");
		assertThat(page).doesNotContain("4242424242424241");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void editingChangesTheHolderAndTheExpiry() throws Exception {
		long edited = this.demo.auditCount("CARD_EDITED");
		int year = YearMonth.now().getYear() + 4;
		assertThat(this.mvc.perform(asAdmin(get(methods() + "/" + this.mastercard + "/edit")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Edit payment method").contains("value=\"Avery Chen\"");
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/" + this.mastercard + "/edit"))
			.param("holderName", "Avery J. Chen")
			.param("expiryMonth", "3")
			.param("expiryYear", String.valueOf(year))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.jdbc.queryForMap("select holder_name, expiry_month, expiry_year from credit_card where id = ?",
				this.mastercard))
			.containsEntry("HOLDER_NAME", "Avery J. Chen")
			.containsEntry("EXPIRY_MONTH", 3)
			.containsEntry("EXPIRY_YEAR", year);
		assertThat(this.demo.auditCount("CARD_EDITED")).isEqualTo(edited + 1);
	}

	@Test
	void anEditIntoThePastIsRefused() throws Exception {
		String before = checksum();
		String page = this.mvc.perform(asAdmin(post(methods() + "/" + this.visa + "/edit")).param("holderName", "Avery")
			.param("expiryMonth", "1")
			.param("expiryYear", "2020")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("This card has expired.");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void makeDefaultAndReplaceChangeTheProfilesDefault() throws Exception {
		// Renew the Mastercard, then make it the default of Contoso Research.
		this.jdbc.update("update credit_card set expiry_year = ? where id = ?", YearMonth.now().getYear() + 1,
				this.mastercard);
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/default")).param("profile",
				String.valueOf(this.researchProfile)).param("card", String.valueOf(this.mastercard))).andReturn();
		assertThat(flash(result).messageKey()).isEqualTo("methods.default.done");
		assertThat(defaultOf(this.researchProfile)).isEqualTo(this.mastercard);
		assertThat(defaultOf(this.mainProfile)).isEqualTo(this.visa);
	}

	@Test
	void anExpiredCardCannotBeMadeDefault() throws Exception {
		String before = checksum();
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/default")).param("profile",
				String.valueOf(this.mainProfile)).param("card", String.valueOf(this.mastercard))).andReturn();
		assertThat(flash(result).messageKey()).isEqualTo("methods.default.expired");
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void deletingTheDefaultOfProfilesWithInvoicesDueIsRefusedWithEachReason() throws Exception {
		String before = checksum();
		long refusals = this.demo.auditCount("CARD_DELETE_REFUSED");
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/" + this.visa + "/delete"))).andReturn();
		@SuppressWarnings("unchecked")
		List<Reason> reasons = (List<Reason>) result.getFlashMap().get("deleteRefused");
		assertThat(reasons).containsExactlyInAnyOrder(
				new Reason("methods.delete.reason.defaultWithDue", "Contoso Billing"),
				new Reason("methods.delete.reason.defaultWithDue", "Contoso Research"));
		assertThat(checksum()).isEqualTo(before);
		assertThat(this.demo.auditCount("CARD_DELETE_REFUSED")).isEqualTo(refusals + 1);
	}

	@Test
	void deletingACardWithAPaymentInFlightIsRefused() throws Exception {
		this.jdbc.update("""
				insert into payment (payment_ref, invoice_id, billing_account_id, card_id, actor_user_id, amount, currency,
				  idempotency_key, status, created_at, updated_at)
				select ?, i.id, i.billing_account_id, ?, a.admin_user_id, i.amount_due, i.currency, ?, 'UNKNOWN', ?, ?
				from invoice i join billing_account a on a.id = i.billing_account_id
				where i.invoice_number = ?""", UUID.randomUUID().toString(), this.mastercard,
				UUID.randomUUID().toString(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()),
				this.demo.dueInvoice(this.contoso));
		String before = checksum();
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/" + this.mastercard + "/delete"))).andReturn();
		@SuppressWarnings("unchecked")
		List<Reason> reasons = (List<Reason>) result.getFlashMap().get("deleteRefused");
		assertThat(reasons).containsExactly(new Reason("methods.delete.reason.inFlight", null));
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void aCardThatIsFreeToGoIsDeletedAndLeavesTheList() throws Exception {
		long deleted = this.demo.auditCount("CARD_DELETED");
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/" + this.mastercard + "/delete"))).andReturn();
		assertThat(flash(result).messageKey()).isEqualTo("methods.deleted");
		assertThat(this.jdbc.queryForObject("select status from credit_card where id = ?", String.class,
				this.mastercard))
			.isEqualTo("REMOVED");
		assertThat(this.demo.auditCount("CARD_DELETED")).isEqualTo(deleted + 1);
		this.entityManager.flush();
		this.entityManager.clear();
		assertThat(page(DemoData.CONTOSO_ADMIN, this.mainProfile)).doesNotContain("•••• 4444");
	}

	@Test
	void theDefaultCanGoOnceNothingIsDueAndTheProfilesHaveNoDefaultAfter() throws Exception {
		this.jdbc.update("update invoice set status = 'PAID' where billing_account_id = ? and status = 'DUE'",
				this.contoso);
		this.demo.invoicesWritten(this.contoso);
		MvcResult result = this.mvc.perform(asAdmin(post(methods() + "/" + this.visa + "/delete"))).andReturn();
		assertThat(flash(result).messageKey()).isEqualTo("methods.deleted");
		assertThat(defaultOf(this.mainProfile)).isNull();
		assertThat(defaultOf(this.researchProfile)).isNull();
	}

	@Test
	void theRefusalIsShownWithEveryReason() throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.signIn(DemoData.CONTOSO_ADMIN, DemoData.PASSWORD);
		browser.get(methods());
		MvcResult refused = browser.post(methods() + "/" + this.visa + "/delete");
		String page = browser.get(refused.getResponse().getRedirectedUrl()).getResponse().getContentAsString();
		assertThat(page).contains("Cannot delete payment method")
			.contains("It is the default payment method of billing profile Contoso Billing, which has invoices due or past due.")
			.contains("It is the default payment method of billing profile Contoso Research, which has invoices due or past due.");
	}

	@Test
	void anotherTenantsCardIsNotFound() throws Exception {
		String before = checksum();
		long fabrikam = this.demo.fabrikam();
		for (String action : List.of("/delete", "/edit")) {
			MvcResult result = this.mvc
				.perform(post("/billing/accounts/" + fabrikam + "/payment-methods/" + this.mastercard + action)
					.param("holderName", "Mallory")
					.param("expiryMonth", "1")
					.param("expiryYear", "2040")
					.with(csrf())
					.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(action).isEqualTo(404);
		}
		MvcResult profile = this.mvc
			.perform(get("/billing/accounts/" + fabrikam + "/payment-methods?profile=" + this.mainProfile)
				.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andReturn();
		assertThat(profile.getResponse().getStatus()).isEqualTo(404);
		assertThat(checksum()).isEqualTo(before);
	}

	private String methods() {
		return "/billing/accounts/" + this.contoso + "/payment-methods";
	}

	private String page(String who, long profile) throws Exception {
		return this.mvc.perform(get(methods() + "?profile=" + profile).with(user(this.demo.user(who))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))).with(csrf());
	}

	private Long defaultOf(long profileId) {
		this.entityManager.flush();
		return this.jdbc.queryForObject("select default_card_id from billing_profile where id = ?", Long.class,
				profileId);
	}

	private static Flash flash(MvcResult result) {
		return (Flash) result.getFlashMap().get("flash");
	}

	private String checksum() {
		this.entityManager.flush();
		return this.demo.checksum();
	}

}
