package com.billingportal.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The first journey with the keyboard alone: Tab, Enter, Space and typing; the focus always shows. */
@BrowserTest(properties = BrowserTest.SECOND_DATABASE)
class KeyboardIT extends ChromiumTest {

	@Override
	String screenshotFolder() {
		return "keyboard";
	}

	@Test
	void theFirstJourneyWithTheKeyboardAlone() {
		Keyboard keyboard = new Keyboard(this.browser);

		// 1. Sign in: the email field has the focus when the page opens.
		LoginPage.open(this.browser);
		assertThat(keyboard.focused().getAttribute("id")).isEqualTo("email");
		keyboard.assertFocusVisible(keyboard.focused());
		keyboard.type("admin@contoso.com");
		keyboard.tabTo("the password", (e) -> "password".equals(e.getAttribute("id")));
		keyboard.type(LoginPage.DEMO_PASSWORD);
		keyboard.pressAndWaitForNewPage(Keys.ENTER);
		assertThat(new PortalShell(this.browser).signedInUser()).isEqualTo("Avery Chen");

		// 2. Search on Cost Management + Billing.
		keyboard.tabTo("the search box", (e) -> "global-search".equals(e.getAttribute("id")));
		keyboard.type("cost");
		keyboard.pressAndWaitForNewPage(Keys.ENTER);
		keyboard.tabTo("the Cost Management + Billing result", (e) -> e.getText().equals("Cost Management + Billing")
				&& e.getAttribute("class") != null && e.getAttribute("class").contains("result-link"));
		keyboard.pressAndWaitForNewPage(Keys.ENTER);
		new BillingOverviewPage(this.browser);

		// 3. Invoices in the left pane.
		keyboard.tabTo("Invoices in the left pane", (e) -> e.getText().equals("Invoices") && inPane(e));
		keyboard.pressAndWaitForNewPage(Keys.ENTER);
		InvoicesPage invoices = new InvoicesPage(this.browser);
		String number = invoices.firstPayable("Past due");

		// 4. Pay now of the past-due invoice.
		keyboard.tabTo("Pay now of " + number, (e) -> ("Pay now: invoice " + number).equals(e.getAttribute("aria-label")));
		keyboard.pressAndWaitForNewPage(Keys.ENTER);
		PayBlade blade = new PayBlade(this.browser);

		// 5. Select a payment method (Enter opens it), then the saved card (Space).
		keyboard.tabTo("Select a payment method", (e) -> e.getTagName().equals("summary"));
		keyboard.press(Keys.ENTER);
		assertThat(blade.pickerOpen()).isTrue();
		WebElement card = keyboard.tabTo("the Visa card", (e) -> e.getAttribute("id") != null
				&& e.getAttribute("id").startsWith("card-"));
		keyboard.press(Keys.SPACE);
		assertThat(card.isSelected()).isTrue();
		assertThat(blade.savedCardRadio("4242").isSelected()).isTrue();
		this.browser.screenshot("saved-card-chosen-by-keyboard");

		// 6. Pay now.
		keyboard.tabTo("the Pay now button", (e) -> "pay-submit".equals(e.getAttribute("id")));
		keyboard.pressAndWaitForNewPage(Keys.ENTER);

		// 7. Paid.
		InvoicesPage after = new InvoicesPage(this.browser);
		assertThat(after.status(number)).isEqualTo("Paid");
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Invoice " + number + " is paid"));
	}

	@Test
	void theSkipLinkIsTheFirstStopAndLeadsToTheContent() {
		LoginPage.open(this.browser).signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD);
		this.browser.go("/billing");
		new BillingOverviewPage(this.browser);
		Keyboard keyboard = new Keyboard(this.browser);

		WebElement skip = keyboard.tabTo("the skip link", (e) -> true);
		assertThat(skip.getText()).isEqualTo("Skip to main content");
		assertThat(skip.isDisplayed()).isTrue();
		assertThat(skip.getRect().getY()).as("the skip link comes into view when focused").isGreaterThanOrEqualTo(0);
		this.browser.screenshot("skip-link-focused");
	}

	private static boolean inPane(WebElement element) {
		return !element.findElements(By.xpath("ancestor::nav[contains(@class,'pane')]")).isEmpty();
	}

}
