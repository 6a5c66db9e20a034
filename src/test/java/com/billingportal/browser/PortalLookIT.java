package com.billingportal.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal looks like a portal: top bar, left pane, breadcrumb, the blade beside the list and
 * blue links on a laptop (1366×768), everything stacked (the blade first) and nothing cut off on a phone (390 px).
 * Screenshots of both go to target/screenshots/look. Pays nothing.
 */
@BrowserTest
class PortalLookIT extends ChromiumTest {

	private static final String AZURE_BLUE = "rgba(0, 120, 212, 1)";

	@Override
	String screenshotFolder() {
		return "look";
	}

	@BeforeEach
	void signedIn() {
		LoginPage.open(this.browser).signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD);
	}

	@Test
	void onALaptopTheBladeOpensBesideTheList() {
		this.browser.go("/billing");
		InvoicesPage invoices = new BillingOverviewPage(this.browser).invoicesFromPane();
		assertThat(viewportWidth()).isEqualTo(1366);
		assertNoHorizontalScrolling("the invoices page");
		assertThat(number("return arguments[0].scrollWidth - arguments[0].clientWidth", table()))
			.as("the invoices table fits beside the pane without scrolling")
			.isLessThanOrEqualTo(1);
		String number = invoices.firstPayable("Past due");
		assertThat(invoices.payNowLink(number).getCssValue("color")).isEqualTo(AZURE_BLUE);
		this.browser.screenshot("invoices-1366");

		PayBlade blade = invoices.payNow(number).selectPaymentMethod();
		Rectangle topbar = rect(By.cssSelector("header.topbar"));
		Rectangle crumbs = rect(By.cssSelector("nav.breadcrumb"));
		Rectangle pane = rect(By.cssSelector("nav.pane"));
		Rectangle list = rect(By.cssSelector("main#main"));
		Rectangle bladeBox = blade.blade().getRect();

		assertThat(topbar.getY()).isZero();
		assertThat(crumbs.getY()).isGreaterThanOrEqualTo(topbar.getY() + topbar.getHeight());
		assertThat(pane.getX()).isZero();
		assertThat(list.getX()).as("the list is right of the pane").isGreaterThanOrEqualTo(pane.getX() + pane.getWidth());
		assertThat(bladeBox.getX()).as("the blade is right of the list")
			.isGreaterThanOrEqualTo(list.getX() + list.getWidth() - 1);
		assertThat(bladeBox.getX() + bladeBox.getWidth()).as("the blade fits in the window").isLessThanOrEqualTo(1366);
		assertThat(bladeBox.getY()).as("the blade starts beside the list, not below it").isLessThan(400);
		assertThat(blade.payButton().getCssValue("background-color")).isEqualTo(AZURE_BLUE);
		assertThat(blade.pickerSummary().getCssValue("border-top-color")).isEqualTo(AZURE_BLUE);
		assertThat(this.browser.driver().findElement(By.cssSelector("nav.breadcrumb a")).getCssValue("color"))
			.isEqualTo(AZURE_BLUE);
		assertNoHorizontalScrolling("the invoices page with the blade open");
		assertThat(number("return arguments[0].scrollWidth - arguments[0].clientWidth", table()))
			.as("the invoices table, actions included, fits between the pane and the blade without scrolling")
			.isLessThanOrEqualTo(1);
		this.browser.screenshot("pay-blade-1366");
	}

	@Test
	void onAPhoneEverythingStacksAndNothingIsCutOff() {
		this.browser.resize(390, 844);
		assertThat(viewportWidth()).isEqualTo(390);
		this.browser.go("/billing");
		InvoicesPage invoices = new BillingOverviewPage(this.browser).invoicesFromPane();
		assertNoHorizontalScrolling("the invoices page at 390 px");
		this.browser.screenshot("invoices-390");

		PayBlade blade = invoices.payNow(invoices.firstPayable("Past due")).chooseNewCard();
		assertNoHorizontalScrolling("the Pay now blade at 390 px");
		Rectangle list = rect(By.cssSelector("main#main"));
		Rectangle bladeBox = blade.blade().getRect();
		assertThat(bladeBox.getY() + bladeBox.getHeight()).as("the blade comes first, above the list")
			.isLessThanOrEqualTo(list.getY() + 1);
		assertThat(bladeBox.getY()).as("the blade is on the first screen").isLessThan(844);
		assertThat(bladeBox.getX()).isZero();
		assertThat(bladeBox.getWidth()).isLessThanOrEqualTo(390);
		for (String id : new String[] { "newCard.holderName", "newCard.number", "newCard.cvc", "newCard.postalCode",
				"pay-submit" }) {
			Rectangle field = blade.field(id).getRect();
			assertThat(field.getX() + field.getWidth()).as(id + " fits on the screen").isLessThanOrEqualTo(390);
		}
		this.browser.fullPageScreenshot("pay-blade-390");
	}

	/**
	 * WCAG 2.2, 2.5.8: the language switch, Sign out, the actions column, the pager and the blade's
	 * close button are targets of at least 24×24 CSS px, on a laptop and on a phone.
	 */
	@Test
	void linksAndButtonsThatStandAloneAreAtLeast24PxSquare() {
		for (int width : new int[] { 1366, 390 }) {
			this.browser.resize(width, 844);
			this.browser.go("/billing");
			InvoicesPage invoices = new BillingOverviewPage(this.browser).invoicesFromPane();
			invoices.payNow(invoices.firstPayable("Past due"));
			assertTargetsAreAtLeast24PxSquare(width, ".topbar-lang a", ".topbar .link-button", "td.actions a",
					".pager a", ".blade-close");
			this.browser.screenshot("targets-" + width);

			WebElement next = this.browser.driver().findElement(By.cssSelector(".pager a[rel=next]"));
			Navigation.waitingForNewPage(this.browser, next::click);
			assertTargetsAreAtLeast24PxSquare(width, ".pager a[rel=prev]", "td.actions a");
		}
	}

	private void assertTargetsAreAtLeast24PxSquare(int width, String... selectors) {
		for (String selector : selectors) {
			@SuppressWarnings("unchecked")
			List<List<Object>> targets = (List<List<Object>>) this.browser.script("return Array.from("
					+ "document.querySelectorAll(arguments[0])).map(function (e) { var r = e.getBoundingClientRect();"
					+ " return [e.outerHTML.substring(0, 80), r.width, r.height]; });", selector);
			assertThat(targets).as("targets " + selector + " at " + width + " px").isNotEmpty();
			for (List<Object> target : targets) {
				assertThat(((Number) target.get(1)).doubleValue()).as("width of " + target.get(0) + " at " + width + " px")
					.isGreaterThanOrEqualTo(24);
				assertThat(((Number) target.get(2)).doubleValue())
					.as("height of " + target.get(0) + " at " + width + " px")
					.isGreaterThanOrEqualTo(24);
			}
		}
	}

	private WebElement table() {
		return this.browser.driver().findElement(By.cssSelector(".table-scroll"));
	}

	private long viewportWidth() {
		return number("return window.innerWidth");
	}

	private void assertNoHorizontalScrolling(String what) {
		assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.as(what + " scrolls sideways")
			.isLessThanOrEqualTo(0);
	}

	private Rectangle rect(By by) {
		return this.browser.driver().findElement(by).getRect();
	}

	private long number(String script, Object... args) {
		return ((Number) this.browser.script(script, args)).longValue();
	}

}
