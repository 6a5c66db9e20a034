package com.billingportal.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.billingportal.portal.Flash;
import com.billingportal.support.DemoData;
import com.billingportal.support.Pdfs;

import com.billingportal.support.PortalTest;
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

/** Edit billing profile: the admin's changes reach every page and PDF; every bad input and every other user is refused. */
@PortalTest
@Transactional
class ProfileEditTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManager entityManager;

	@Autowired
	DemoData demo;

	long contoso;

	long profile;

	@BeforeEach
	void setUp() {
		this.contoso = this.demo.contoso();
		this.profile = this.demo.profileId("Contoso Billing");
	}

	@Test
	void theAdminEditsAndEveryPageAndThePdfPrintTheNewValues() throws Exception {
		long edited = this.demo.auditCount("PROFILE_EDITED");
		assertThat(page(DemoData.CONTOSO_ADMIN, edit())).contains("Edit billing profile", "value=\"Contoso Billing\"");
		Map<String, String> form = valid();
		form.put("name", "Contoso Europe");
		form.put("company", "Contoso GmbH");
		form.put("line1", "Hauptstraße 5");
		form.put("city", "Berlin");
		form.put("postalCode", "10115");
		form.put("country", "DE");
		form.put("poNumber", "PO-2026-77");
		form.put("taxId", "de 123 456 789");
		form.put("recipients", "AP@Contoso.com\n  finance@contoso.com ; ap@contoso.com\n\n");
		MvcResult result = this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(profiles());
		assertThat(((Flash) result.getFlashMap().get("flash")).messageKey()).isEqualTo("profile.edited");

		assertThat(page(DemoData.CONTOSO_ADMIN, profiles())).contains("Contoso Europe", "Contoso GmbH", "Hauptstraße 5",
				"10115 Berlin", "PO-2026-77", "DE123456789", "ap@contoso.com", "finance@contoso.com");
		assertThat(page(DemoData.CONTOSO_READER, profiles())).contains("Contoso Europe", "DE123456789",
				"finance@contoso.com");
		String number = invoiceOfTheProfile();
		String invoicePage = page(DemoData.CONTOSO_ADMIN, "/billing/accounts/" + this.contoso + "/invoices/" + number);
		assertThat(invoicePage).contains("Contoso Europe", "Contoso GmbH", "Hauptstraße 5", "10115 Berlin",
				"PO-2026-77", "Tax ID", "DE123456789");
		byte[] pdf = this.mvc
			.perform(get("/billing/accounts/" + this.contoso + "/invoices/" + number + "/pdf")
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Pdfs.text(pdf)).contains("Contoso Europe", "Contoso GmbH", "Hauptstraße 5", "PO-2026-77",
				"DE123456789");

		this.entityManager.flush();
		assertThat(this.jdbc.queryForList("select email from billing_profile_recipient where billing_profile_id = ?"
				+ " order by email", String.class, this.profile))
			.containsExactly("ap@contoso.com", "finance@contoso.com");
		assertThat(this.jdbc.queryForObject("select invoice_email from billing_profile where id = ?", Boolean.class,
				this.profile)).isTrue();
		assertThat(this.demo.auditCount("PROFILE_EDITED")).isEqualTo(edited + 1);
		String detail = this.jdbc.queryForObject("select detail from audit_event where action = 'PROFILE_EDITED'"
				+ " order by id desc limit 1", String.class);
		assertThat(detail).contains("name", "billTo.company", "taxId", "recipients", "invoiceEmail")
			.as("field names only, no values")
			.doesNotContain("Contoso Europe", "DE123456789", "contoso.com", "Berlin");
	}

	@Test
	void theAdminTurnsAutomaticPaymentOffAndOnAndOthersCannot() throws Exception {
		assertThat(autopay()).as("on in the demo").isTrue();
		assertThat(page(DemoData.CONTOSO_ADMIN, edit())).contains("id=\"autopay\"",
				"Automatic payment with the default card");
		Map<String, String> form = valid();
		this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn();
		assertThat(autopay()).as("an unticked box turns it off").isFalse();
		assertThat(this.jdbc.queryForObject("select max(detail) from audit_event where action = 'PROFILE_EDITED'",
				String.class)).contains("autopay");
		assertThat(page(DemoData.CONTOSO_ADMIN, profiles())).contains("<th scope=\"col\">Automatic payment</th>",
				"<td class=\"autopay\">Off</td>");

		form.put("autopay", "true");
		for (String who : List.of(DemoData.CONTOSO_READER, DemoData.CONTOSO_CONTRIBUTOR)) {
			assertThat(status(posted(who, form))).isEqualTo(403);
			assertThat(autopay()).as("refused for " + who).isFalse();
		}
		this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn();
		assertThat(autopay()).isTrue();
	}

	private boolean autopay() {
		this.entityManager.flush();
		this.entityManager.clear();
		return this.jdbc.queryForObject("select autopay from billing_profile where id = ?", Boolean.class, this.profile);
	}

	@Test
	void aUsEinIsStoredAsTwoDashSevenAndEmailCanBeTurnedOff() throws Exception {
		Map<String, String> form = valid();
		form.put("taxId", "123456789");
		form.remove("invoiceEmail");
		form.put("recipients", "");
		this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn();
		this.entityManager.flush();
		assertThat(this.jdbc.queryForMap("select tax_id, invoice_email from billing_profile where id = ?", this.profile))
			.containsEntry("TAX_ID", "12-3456789")
			.containsEntry("INVOICE_EMAIL", false);
	}

	@Test
	void eachInvalidInputIsRefusedWithItsMessageAndNothingWritten() throws Exception {
		String fabrikam = "billing@c\u043Entoso.com";
		String twentyOne = IntStream.rangeClosed(1, 21).mapToObj((i) -> "ap" + i + "@contoso.com")
			.collect(Collectors.joining("\n"));
		refused("name", "", "Fill in this field.");
		refused("name", "   ", "Fill in this field.");
		refused("name", "x".repeat(201), "Use at most 200 characters.");
		refused("name", "Contoso\u200BBilling", "Remove the hidden or control characters");
		refused("company", "", "Fill in this field.");
		refused("line1", "y".repeat(201), "Use at most 200 characters.");
		refused("city", "z".repeat(101), "Use at most 100 characters.");
		refused("postalCode", "1".repeat(21), "Use at most 20 characters.");
		refused("poNumber", "P".repeat(51), "Use at most 50 characters.");
		refused("country", "XX", "Choose the country or region of the bill-to address.");
		refusedWithCountry("DE", "DE12345678", "Enter it with its country prefix, like DE123456789.");
		refusedWithCountry("DE", "123456789", "Enter it with its country prefix, like DE123456789.");
		refusedWithCountry("FR", "DE123456789", "like FR12345678901");
		refusedWithCountry("GR", "GR123456789", "like EL123456789");
		refusedWithCountry("NL", "NL123456789", "like NL123456789B01");
		refusedWithCountry("US", "12-345678", "Enter the 9-digit EIN (employer identification number), like 12-3456789.");
		refusedWithCountry("JP", "T".repeat(31), "A tax ID can be at most 30 characters long.");
		refused("recipients", twentyOne, "Enter at most 20 additional recipients.");
		refused("recipients", "ap@contoso.com\n" + fabrikam,
				"its domain mixes letters of different alphabets (Latin with Cyrillic or Greek)");
		refused("recipients", "not-an-address", "not-an-address: Enter an email address like name@example.com.");
		refused("recipients", "ap\u200B@contoso.com", "invisible character");
	}

	@Test
	void exactlyTwentyRecipientsAndFreeTextTaxIdsElsewhereAreAccepted() throws Exception {
		Map<String, String> form = valid();
		form.put("country", "JP");
		form.put("taxId", "T1234567890123");
		form.put("recipients", IntStream.rangeClosed(1, 20).mapToObj((i) -> "ap" + i + "@contoso.com")
			.collect(Collectors.joining("\n")));
		MvcResult result = this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		this.entityManager.flush();
		assertThat(this.jdbc.queryForObject("select count(*) from billing_profile_recipient where billing_profile_id = ?",
				Integer.class, this.profile)).isEqualTo(20);
	}

	@Test
	void markupInANameIsShownAsText() throws Exception {
		Map<String, String> form = valid();
		form.put("name", "<script>alert(1)</script>");
		form.put("poNumber", "\"><img src=x onerror=alert(1)>");
		assertThat(status(posted(DemoData.CONTOSO_ADMIN, form))).isEqualTo(302);
		assertThat(page(DemoData.CONTOSO_ADMIN, profiles())).doesNotContain("<script>alert(1)", "<img src=x")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		// The Invoices list's rows, written by ListedInvoiceRows rather than by the template.
		assertThat(page(DemoData.CONTOSO_ADMIN, "/billing/accounts/" + this.contoso + "/invoices?profile=" + this.profile))
			.doesNotContain("<script>alert(1)")
			.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
	}

	@Test
	void readersAndContributorsAreRefusedAndNothingChanges() throws Exception {
		String before = checksum();
		long audits = this.demo.auditCount("PROFILE_EDITED");
		for (String who : List.of(DemoData.CONTOSO_READER, DemoData.CONTOSO_CONTRIBUTOR)) {
			assertThat(status(get(edit()).with(user(this.demo.user(who))))).isEqualTo(403);
			assertThat(status(posted(who, valid()))).isEqualTo(403);
			assertThat(page(who, profiles())).contains("Only the billing account admin can edit billing profiles.")
				.doesNotContain("/edit\"");
		}
		assertThat(checksum()).isEqualTo(before);
		assertThat(this.demo.auditCount("PROFILE_EDITED")).isEqualTo(audits);
	}

	@Test
	void anotherTenantGetsNotFound() throws Exception {
		String before = checksum();
		assertThat(status(get(edit()).with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))).isEqualTo(404);
		assertThat(status(posted(DemoData.FABRIKAM_ADMIN, valid()))).isEqualTo(404);
		// Contoso's admin asking for Fabrikam's profile under Contoso's account: not found either.
		long fabrikamProfile = this.jdbc.queryForObject(
				"select min(id) from billing_profile where billing_account_id = ?", Long.class, DemoData.FABRIKAM);
		String url = "/billing/accounts/" + this.contoso + "/profiles/" + fabrikamProfile + "/edit";
		assertThat(status(get(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))).isEqualTo(404);
		MockHttpServletRequestBuilder post = post(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))).with(csrf());
		valid().forEach(post::param);
		assertThat(status(post)).isEqualTo(404);
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void theFormIsInChinese() throws Exception {
		String page = this.mvc
			.perform(get(edit()).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("编辑计费配置文件", "税号", "发票电子邮件首选项", "其他收件人");
	}

	@Test
	void aRefusedFormKeepsTheCountryChosen() throws Exception {
		Map<String, String> form = valid();
		form.put("country", "DE");
		form.put("taxId", "123456789");
		String page = this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Enter it with its country prefix")
			.contains("<option value=\"DE\" selected=\"selected\">Germany</option>")
			.doesNotContain("<option value=\"US\" selected=\"selected\">");
	}

	private void refused(String field, String value, String message) throws Exception {
		Map<String, String> form = valid();
		form.put(field, value);
		refused(form, message);
	}

	private void refusedWithCountry(String country, String taxId, String message) throws Exception {
		Map<String, String> form = valid();
		form.put("country", country);
		form.put("taxId", taxId);
		refused(form, message);
	}

	private void refused(Map<String, String> form, String message) throws Exception {
		String before = checksum();
		long audits = this.demo.auditCount("PROFILE_EDITED");
		MvcResult result = this.mvc.perform(posted(DemoData.CONTOSO_ADMIN, form)).andReturn();
		assertThat(result.getResponse().getStatus()).as(form.toString()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).as(form.toString())
			.contains("Some details need your attention.")
			.contains(message);
		assertThat(checksum()).as(form.toString()).isEqualTo(before);
		assertThat(this.demo.auditCount("PROFILE_EDITED")).isEqualTo(audits);
	}

	private Map<String, String> valid() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "Contoso Billing");
		form.put("company", "Contoso Ltd");
		form.put("line1", "1 Microsoft Way");
		form.put("city", "Redmond");
		form.put("postalCode", "98052");
		form.put("country", "US");
		form.put("poNumber", "PO-1");
		form.put("taxId", "91-1144442");
		form.put("invoiceEmail", "true");
		form.put("recipients", "ap@contoso.com");
		return form;
	}

	private MockHttpServletRequestBuilder posted(String who, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(edit()).with(user(this.demo.user(who)))
			.with(csrf())
			.header("Accept-Language", "en");
		form.forEach(request::param);
		return request;
	}

	private String page(String who, String url) throws Exception {
		return this.mvc.perform(get(url).with(user(this.demo.user(who))).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String invoiceOfTheProfile() {
		return this.jdbc.queryForObject("select min(invoice_number) from invoice where billing_profile_id = ?",
				String.class, this.profile);
	}

	private String profiles() {
		return "/billing/accounts/" + this.contoso + "/profiles";
	}

	private String edit() {
		return profiles() + "/" + this.profile + "/edit";
	}

	private String checksum() {
		this.entityManager.flush();
		return this.demo.checksum();
	}

}
