package com.billingportal.browser;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** The first journey in Chromium with JavaScript switched off: every step is plain HTML. */
@BrowserTest(properties = BrowserTest.SECOND_DATABASE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoJavaScriptIT extends ChromiumTest {

	@Override
	String screenshotFolder() {
		return "no-javascript";
	}

	@Override
	boolean javascript() {
		return false;
	}

	@Test
	@Order(1)
	void scriptsReallyAreOff() {
		InvoicesPage invoices = LoginPage.open(this.browser)
			.signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement()
			.invoicesFromPane();
		PayBlade blade = invoices.payNow(invoices.firstPayable("Past due")).selectPaymentMethod();

		// With scripts on, typing in the new card's fields selects "Add a new payment method".
		blade.field("newCard.holderName").sendKeys("Avery Chen");
		assertThat(blade.newCardRadio().isSelected()).isFalse();
		assertThat(blade.savedCardRadio("4242").isSelected()).isTrue();
	}

	@Test
	@Order(2)
	void theFirstJourneySucceedsWithoutJavaScript() {
		PortalShell home = LoginPage.open(this.browser).signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD);
		BillingOverviewPage overview = home.search("cost").chooseCostManagement();
		InvoicesPage invoices = overview.invoicesFromPane();
		String number = invoices.firstPayable("Past due");

		PayBlade blade = invoices.payNow(number);
		assertThat(blade.pickerOpen()).isFalse();
		blade.selectPaymentMethod();
		assertThat(blade.pickerOpen()).as("the picker is a <details> element: it opens without scripts").isTrue();
		blade.chooseSavedCard("4242");
		this.browser.screenshot("blade-without-javascript");
		InvoicesPage after = blade.payNow();

		assertThat(after.status(number)).isEqualTo("Paid");
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Invoice " + number + " is paid"));
	}

}
