package com.billingportal.payment;

import java.nio.charset.StandardCharsets;

import com.billingportal.support.DemoData;
import com.billingportal.support.Html;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sandbox takes only its documented test cards: a real card typed into a demo install is
 * refused in the page, and is never tokenised, saved, charged or logged.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class SandboxCardsTest {

	/** Luhn-valid Visa and Mastercard numbers that are not in docs/test-cards.md. */
	private static final String REAL_LOOKING_VISA = "4111 1111 1111 1111";

	private static final String REAL_LOOKING_MASTERCARD = "5425233430109903";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@ParameterizedTest
	@ValueSource(strings = { REAL_LOOKING_VISA, REAL_LOOKING_MASTERCARD })
	void theBladeRefusesANumberThatIsNotATestCard(String cardNumber, CapturedOutput output) throws Exception {
		String invoice = this.demo.pastDueInvoice(CONTOSO);
		String before = this.demo.checksum();
		long charges = this.demo.count("sandbox_charge");

		String page = pay(invoice, cardNumber, "en");

		assertThat(page).contains("id=\"pay-blade\"", "This is a sandbox: use one of the test cards.");
		assertThat(this.demo.checksum()).as("no card saved, no payment, invoice unchanged").isEqualTo(before);
		assertThat(this.demo.count("sandbox_charge")).isEqualTo(charges);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("DUE");
		assertNowhere(cardNumber, page, output);
	}

	@Test
	void theRefusalIsInChineseToo() throws Exception {
		String page = pay(this.demo.pastDueInvoice(CONTOSO), REAL_LOOKING_VISA, "zh-CN");
		assertThat(page).contains("这是沙盒环境：请使用其中一张测试卡。");
	}

	@Test
	void paymentMethodsRefusesANumberThatIsNotATestCard(CapturedOutput output) throws Exception {
		String before = this.demo.checksum();
		String page = this.mvc
			.perform(post("/billing/accounts/{id}/payment-methods", CONTOSO).with(user(admin()))
				.with(csrf())
				.param("holderName", "Avery Chen")
				.param("number", REAL_LOOKING_VISA)
				.param("expiryMonth", "12")
				.param("expiryYear", "2031")
				.param("cvc", "123")
				.param("country", "US")
				.param("postalCode", "98052"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("This is a sandbox: use one of the test cards.");
		assertThat(this.demo.checksum()).isEqualTo(before);
		assertNowhere(REAL_LOOKING_VISA, page, output);
	}

	@Test
	void everyDocumentedTestCardIsTaken() throws Exception {
		for (String testCard : new String[] { "5555 5555 5555 4444", "5105 1051 0510 5100", "2221 0000 0000 0009",
				"3782 822463 10005", "3714 496353 98431", "6011 1111 1111 1117" }) {
			String page = this.mvc
				.perform(post("/billing/accounts/{id}/payment-methods", DemoData.FABRIKAM)
					.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN)))
					.with(csrf())
					.param("holderName", "Jonas Weber")
					.param("number", testCard)
					.param("expiryMonth", "12")
					.param("expiryYear", "2031")
					.param("cvc", testCard.startsWith("37") ? "1234" : "123")
					.param("country", "DE")
					.param("postalCode", "10117"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(testCard).doesNotContain("This is a sandbox");
		}
		assertThat(this.demo.count("credit_card where billing_account_id = " + DemoData.FABRIKAM)).isEqualTo(7);
	}

	/** Full-width digits look like a card number to Character.isDigit: refused, nothing paid. */
	@Test
	void aNumberInFullWidthDigitsIsRefusedAsInvalid() throws Exception {
		String invoice = this.demo.pastDueInvoice(CONTOSO);
		String before = this.demo.checksum();
		String page = pay(invoice, "４２４２４２４２４２４２４２４２", "en");
		assertThat(page).contains("That card number isn&#39;t valid.");
		assertThat(this.demo.checksum()).isEqualTo(before);
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("DUE");
	}

	private String pay(String invoice, String cardNumber, String language) throws Exception {
		String blade = this.mvc
			.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, invoice).with(user(admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, invoice).with(user(admin()))
				.with(csrf())
				.header("Accept-Language", language)
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "Avery Chen")
				.param("newCard.number", cardNumber)
				.param("newCard.expiryMonth", "12")
				.param("newCard.expiryYear", "2031")
				.param("newCard.cvc", "123")
				.param("newCard.country", "US")
				.param("newCard.postalCode", "98052"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private PortalUser admin() {
		return this.demo.user(DemoData.CONTOSO_ADMIN);
	}

	private void assertNowhere(String cardNumber, String page, CapturedOutput output) {
		String digits = cardNumber.replace(" ", "");
		assertThat(page).doesNotContain(cardNumber).doesNotContain(digits);
		assertThat(output.getAll()).doesNotContain(cardNumber).doesNotContain(digits);
		assertThat(this.demo.jdbc().queryForObject("select count(*) from audit_event where detail like ?",
				Integer.class, "%" + digits + "%")).isZero();
	}

}
