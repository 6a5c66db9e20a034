package com.billingportal.browser;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven steps of the product, as a user does them in Chromium: typing and clicking only. Each
 * step is saved as a screenshot under target/screenshots/journey.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayJourneyIT extends ChromiumTest {

	@Override
	String screenshotFolder() {
		return "journey";
	}

	@Test
	@Order(1)
	void adminPaysAPastDueInvoiceWithASavedCard() {
		// 1. Sign in to the portal.
		LoginPage login = LoginPage.open(this.browser);
		this.browser.screenshot("01-sign-in");
		PortalShell home = login.signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD);
		assertThat(home.signedInUser()).isEqualTo("Avery Chen");

		// 2. Search on Cost Management + Billing.
		SearchResultsPage results = home.search("cost");
		assertThat(results.results()).contains("Cost Management + Billing");
		this.browser.screenshot("02-search-cost");
		BillingOverviewPage overview = results.chooseCostManagement();
		assertThat(overview.heading()).isEqualTo("Contoso Ltd");
		assertThat(overview.facts()).containsEntry("Billing account type", "Microsoft Customer Agreement")
			.containsEntry("Your role", "Owner");
		this.browser.screenshot("03-billing-overview");

		// 3. In the left pane, under Billing, click Invoices.
		InvoicesPage invoices = overview.invoicesFromPane();
		assertThat(invoices.breadcrumb()).containsExactly("Home", "Cost Management + Billing", "Contoso Ltd",
				"Invoices");
		this.browser.screenshot("04-invoices");

		// 4. A past-due invoice shows a blue Pay now link. Click it.
		String number = invoices.firstPayable("Past due");
		assertThat(invoices.payNowLink(number).getCssValue("color")).isEqualTo("rgba(0, 120, 212, 1)");
		PayBlade blade = invoices.payNow(number);
		assertThat(blade.bladeTitle()).isEqualTo("Pay now");
		assertThat(blade.facts()).containsEntry("Invoice ID", number);
		assertThat(blade.status()).isEqualTo("Past due");
		assertThat(blade.list().status(number)).isEqualTo("Past due");
		this.browser.screenshot("05-pay-now-blade");

		// 5. Click Select a payment method and choose a saved card.
		blade.selectPaymentMethod();
		assertThat(blade.savedCards()).anySatisfy((c) -> assertThat(c).contains("Visa", "•••• 4242", "Default"))
			.anySatisfy((c) -> assertThat(c).contains("Mastercard", "•••• 4444", "Expired"));
		assertThat(blade.savedCardRadio("4444").isEnabled()).as("an expired card cannot be chosen").isFalse();
		blade.chooseSavedCard("4242");
		assertThat(blade.savedCardRadio("4242").isSelected()).isTrue();
		this.browser.screenshot("06-select-payment-method");

		// 6. Click Pay now.
		InvoicesPage after = blade.payNow();

		// 7. The status of the invoice is Paid in the invoices blade.
		assertThat(after.status(number)).isEqualTo("Paid");
		assertThat(after.hasPayNow(number)).isFalse();
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Invoice " + number + " is paid"));
		this.browser.screenshot("07-paid");
	}

	@Test
	@Order(2)
	void adminPaysAnotherInvoiceWithANewCard() {
		InvoicesPage invoices = LoginPage.open(this.browser)
			.signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement()
			.invoicesFromPane();
		String number = invoices.firstPayable("Due");

		PayBlade blade = invoices.payNow(number).chooseNewCard().typeNewCard(NewCard.visa());
		assertThat(blade.newCardRadio().isSelected()).isTrue();
		this.browser.screenshot("08-add-new-payment-method");
		InvoicesPage after = blade.payNow();

		assertThat(after.status(number)).isEqualTo("Paid");
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Invoice " + number + " is paid"));
		// The card number is never shown back, only its last four digits.
		assertThat(this.browser.driver().getPageSource()).doesNotContain("4242424242424242")
			.doesNotContain("4242 4242 4242 4242");
		this.browser.screenshot("09-paid-with-new-card");
	}

}
