package com.billingportal.payment;

import java.math.BigDecimal;
import java.util.Locale;

import com.billingportal.support.DemoData;
import com.billingportal.support.Html;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

/** Cards the bank refuses: the blade says why, the invoice is unchanged, a Failed payment is kept. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class PayDeclineTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@ParameterizedTest
	@CsvSource({ "4000000000000002, BANK_DECLINED, Your bank declined the payment",
			"4000000000009995, BANK_DECLINED, insufficient funds",
			"4000000000000069, CARD_EXPIRED, The card has expired",
			"4000000000000127, INCORRECT_CARD_DETAILS, security code (CVC) is incorrect" })
	void aDeclinedCardKeepsTheBladeOpenWithTheReason(String cardNumber, String reason, String message,
			CapturedOutput output) throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.pastDueInvoice(CONTOSO);
		long cardsBefore = this.demo.count("credit_card where status = 'ACTIVE'");

		String page = payWithNewCard(admin, number, cardNumber);

		assertThat(page).contains("id=\"pay-blade\"", "Your payment didn&#39;t go through.", message.replace("'", "&#39;"));
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
		assertThat(this.demo.paymentFailureReasons(number)).endsWith(reason);
		assertThat(this.demo.count("credit_card where status = 'ACTIVE'")).as("a declined card is not kept")
			.isEqualTo(cardsBefore);
		assertThat(page).doesNotContain(cardNumber);
		assertThat(output.getAll()).doesNotContain(cardNumber);
	}

	@Test
	void aBankDeclineSaysWhatThePayerCanCheckInBothLanguages() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.pastDueInvoice(CONTOSO);
		BigDecimal amountDue = this.demo.jdbc()
			.queryForObject("select amount_due from invoice where invoice_number = ?", BigDecimal.class, number);

		String english = payWithNewCard(admin, number, "4000000000000002", Locale.ENGLISH);
		assertThat(english).contains("id=\"decline-checks\"", "What you can check before trying again:",
				"The card allows international transactions and online (card-not-present) transactions.",
				"Prepaid and virtual cards may be refused: try a standard credit card.",
				String.format(Locale.US, "The amount due, $%,.2f, fits within the card&#39;s available credit limit.",
						amountDue),
				"If it still doesn&#39;t go through, contact your bank");

		String chinese = payWithNewCard(admin, number, "4000000000009995", Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese).contains("id=\"decline-checks\"", "再次尝试之前，可以检查以下几点：", "境外（国际）交易和网上（无卡）交易",
				"预付卡和虚拟卡可能会被拒绝", "可用信用额度", "请联系你的银行");
	}

	@Test
	void aWrongSecurityCodeIsNotABankDeclineAndListsNoChecks() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String page = payWithNewCard(admin, this.demo.pastDueInvoice(CONTOSO), "4000000000000127");
		assertThat(page).contains("security code (CVC) is incorrect").doesNotContain("decline-checks");
	}

	@Test
	void afterADeclineTheBladeOffersAFreshAttemptThatCanSucceed() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = this.demo.payableInvoices(CONTOSO).get(0);
		String declined = payWithNewCard(admin, number, "4000000000000002");
		String freshKey = Html.idempotencyKey(declined);
		this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", freshKey)
				.param("paymentMethod", String.valueOf(this.demo.defaultCard(CONTOSO))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.demo.paymentStatuses(number)).endsWith("FAILED", "SUCCEEDED");
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID");
	}

	@Test
	void anExpiredSavedCardIsRefusedBeforeAnythingIsCharged() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = lastPayable();
		String blade = blade(admin, number);
		long charges = this.demo.count("sandbox_charge");
		String page = this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", String.valueOf(this.demo.expiredCard(CONTOSO))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("That card has expired");
		assertThat(this.demo.count("sandbox_charge")).isEqualTo(charges);
		assertThat(this.demo.invoiceStatus(number)).isEqualTo("DUE");
	}

	@Test
	void invalidCardDetailsAreExplainedFieldByFieldAndNotEchoed(CapturedOutput output) throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = lastPayable();
		String blade = blade(admin, number);
		String page = this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade))
				.param("paymentMethod", "new")
				.param("newCard.holderName", "")
				.param("newCard.number", "4242424242424241")
				.param("newCard.expiryMonth", "1")
				.param("newCard.expiryYear", "2020")
				.param("newCard.cvc", "98")
				.param("newCard.country", "US")
				.param("newCard.postalCode", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enter the name on the card.", "That card number isn&#39;t valid",
				"This card has expired", "3-digit security code", "Enter the postal code");
		assertThat(page).doesNotContain("4242424242424241").doesNotContain("value=\"98\"");
		assertThat(output.getAll()).doesNotContain("4242424242424241");
		assertThat(this.demo.paymentStatuses(number)).isEmpty();
	}

	@Test
	void choosingNoPaymentMethodSaysSo() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		String number = lastPayable();
		String page = this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade(admin, number))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Select a payment method: a saved card, or add a new one.");
		assertThat(this.demo.paymentStatuses(number)).isEmpty();
	}

	/** An invoice no test of this class pays. */
	private String lastPayable() {
		var payable = this.demo.payableInvoices(CONTOSO);
		return payable.get(payable.size() - 1);
	}

	private String blade(PortalUser admin, String number) throws Exception {
		return this.mvc.perform(get("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String payWithNewCard(PortalUser admin, String number, String cardNumber) throws Exception {
		return payWithNewCard(admin, number, cardNumber, Locale.ENGLISH);
	}

	private String payWithNewCard(PortalUser admin, String number, String cardNumber, Locale locale)
			throws Exception {
		return this.mvc
			.perform(post("/billing/accounts/{id}/invoices/{n}/pay", CONTOSO, number).with(user(admin))
				.locale(locale)
				.with(csrf())
				.param("idempotencyKey", Html.idempotencyKey(blade(admin, number)))
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
			.getContentAsString();
	}

}
