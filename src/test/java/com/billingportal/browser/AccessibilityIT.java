package com.billingportal.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on the pages of the pay flow: no violation of impact serious or critical. Plus what axe
 * cannot judge alone: every field has a label, the blade is announced as a region, and a status is
 * written in words, not shown by colour alone. Pays nothing.
 */
@BrowserTest
class AccessibilityIT extends ChromiumTest {

	@Override
	String screenshotFolder() {
		return "accessibility";
	}

	@Test
	void signInPage() {
		LoginPage.open(this.browser);
		Accessibility.assertNoSeriousViolations(this.browser, "sign-in");
		assertEveryFieldHasALabel();

		this.browser.go("/login?error");
		assertThat(new LoginPage(this.browser).error()).isPresent();
		Accessibility.assertNoSeriousViolations(this.browser, "sign-in with an error");
	}

	@Test
	void homeSearchOverviewAndInvoices() {
		PortalShell home = LoginPage.open(this.browser).signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD);
		Accessibility.assertNoSeriousViolations(this.browser, "home");

		SearchResultsPage results = home.search("cost");
		Accessibility.assertNoSeriousViolations(this.browser, "search results");

		results.chooseCostManagement();
		Accessibility.assertNoSeriousViolations(this.browser, "billing overview");

		new BillingOverviewPage(this.browser).invoicesFromPane();
		Accessibility.assertNoSeriousViolations(this.browser, "invoices");
		assertEveryFieldHasALabel();
		assertStatusesAreWrittenInWords();
	}

	@Test
	void payNowBladeWithValidationErrors() {
		InvoicesPage invoices = LoginPage.open(this.browser)
			.signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement()
			.invoicesFromPane();
		PayBlade blade = invoices.payNow(invoices.firstPayable("Past due"));
		Accessibility.assertNoSeriousViolations(this.browser, "the Pay now blade");

		// "Add a new payment method" with nothing filled in: the blade comes back with errors.
		blade = blade.chooseNewCard().payNowExpectingBlade();
		assertThat(blade.fieldErrors()).contains("✕ Enter the card number.");
		assertThat(blade.field("newCard.number").getAttribute("aria-invalid")).isEqualTo("true");
		this.browser.screenshot("pay-blade-validation-errors");
		Accessibility.assertNoSeriousViolations(this.browser, "the Pay now blade with validation errors");
		assertEveryFieldHasALabel();
		assertStatusesAreWrittenInWords();

		WebElement region = blade.blade();
		assertThat(region.getTagName()).isEqualTo("section");
		assertThat(region.getAttribute("role")).isEqualTo("region");
		String labelledBy = region.getAttribute("aria-labelledby");
		assertThat(this.browser.driver().findElement(By.id(labelledBy)).getText()).isEqualTo("Pay now");
		assertThat(this.browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
			.contains("Some details need your attention");
	}

	@Test
	void paymentMethodsAndProperties() {
		BillingOverviewPage overview = LoginPage.open(this.browser)
			.signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement();
		overview.openFromPane("Payment methods");
		Accessibility.assertNoSeriousViolations(this.browser, "payment methods");
		assertEveryFieldHasALabel();

		PropertiesPage properties = PropertiesPage.fromPane(new PortalShell(this.browser));
		assertThat(properties.facts()).containsEntry("Billing account type", "Microsoft Customer Agreement");
		assertThat(properties.facts().get("Your role")).startsWith("Owner");
		assertThat(properties.facts().get("You can pay invoices")).startsWith("Yes");
		this.browser.screenshot("properties-admin");
		Accessibility.assertNoSeriousViolations(this.browser, "properties");
	}

	@Test
	void aReadersInvoicesInChineseAndProperties() {
		LoginPage.open(this.browser).signIn("reader@contoso.com", LoginPage.DEMO_PASSWORD);
		this.browser.go("/billing?lang=zh_CN");
		new BillingOverviewPage(this.browser).paneLink("发票").click();
		new InvoicesPage(this.browser);
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		Accessibility.assertNoSeriousViolations(this.browser, "invoices in Chinese, as a reader");
		this.browser.screenshot("invoices-reader-zh-CN");

		this.browser.go("/billing?lang=en");
		PropertiesPage properties = PropertiesPage.fromPane(new BillingOverviewPage(this.browser));
		assertThat(properties.facts()).containsEntry("Your role", "Reader");
		assertThat(properties.facts().get("You can pay invoices")).startsWith("No")
			.contains("You must be the billing account admin to pay invoices.");
		this.browser.screenshot("properties-reader");
		Accessibility.assertNoSeriousViolations(this.browser, "properties, as a reader");
	}

	/** Every input, select and textarea a user can fill in is named by a label (or an ARIA label). */
	private void assertEveryFieldHasALabel() {
		List<WebElement> fields = this.browser.driver()
			.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"));
		assertThat(fields).isNotEmpty();
		for (WebElement field : fields) {
			String label = (String) this.browser.script("var f = arguments[0];"
					+ " var byLabel = Array.from(f.labels || []).map(function (l) { return l.textContent; }).join(' ');"
					+ " var byId = (f.getAttribute('aria-labelledby') || '').split(' ').map(function (id) {"
					+ "   var e = document.getElementById(id); return e ? e.textContent : ''; }).join(' ');"
					+ " return (byLabel + ' ' + byId + ' ' + (f.getAttribute('aria-label') || '')).trim();", field);
			assertThat(label).as("the label of field " + field.getAttribute("name") + " (#" + field.getAttribute("id") + ")")
				.isNotBlank();
		}
	}

	/** A status badge is a symbol plus words; the colour only repeats what the words say. */
	private void assertStatusesAreWrittenInWords() {
		List<WebElement> statuses = this.browser.driver().findElements(By.cssSelector(".status"));
		assertThat(statuses).isNotEmpty();
		for (WebElement status : statuses) {
			String words = status.findElement(By.cssSelector("span:not(.status-icon)")).getText();
			assertThat(words).isIn("Due", "Past due", "Processing", "Paid", "Void");
			assertThat(status.findElement(By.cssSelector(".status-icon")).getAttribute("aria-hidden")).isEqualTo("true");
		}
	}

}
