package com.billingportal.browser;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong, in the browser: a declined card, a bank that asks for verification, a reader,
 * and a Pay now button clicked twice. Contoso's past-due invoices are only tried (a decline
 * changes nothing); Fabrikam's two payable invoices are paid.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayUnhappyPathsIT extends ChromiumTest {

	@Override
	String screenshotFolder() {
		return "unhappy-paths";
	}

	@Autowired
	RequestRecorder requests;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void aDeclinedCardShowsWhyInTheBladeAndTheInvoiceStaysPastDue() {
		InvoicesPage invoices = invoicesAs("admin@contoso.com");
		String number = invoices.firstPayable("Past due");

		PayBlade blade = invoices.payNow(number)
			.chooseNewCard()
			.typeNewCard(NewCard.declined())
			.payNowExpectingBlade();

		assertThat(blade.failure()).hasValueSatisfying((message) -> assertThat(message)
			.contains("Your payment didn't go through.", "declined", "Nothing was charged"));
		assertThat(blade.facts()).containsEntry("Invoice ID", number);
		assertThat(blade.list().status(number)).isEqualTo("Past due");
		assertThat(blade.pickerOpen()).as("the choices stay open to try another card").isTrue();
		assertThat(blade.declineChecks()).as("what the payer can check, as Azure explains a declined card")
			.anySatisfy((c) -> assertThat(c).contains("international transactions"))
			.anySatisfy((c) -> assertThat(c).contains("Prepaid and virtual cards"))
			.anySatisfy((c) -> assertThat(c).contains("credit limit"))
			.anySatisfy((c) -> assertThat(c).contains("contact your bank"));
		// A taller window, so that the screenshot shows the whole list of checks.
		this.browser.resize(1366, 900);
		this.browser.screenshot("declined-card");
		this.browser.resize(1366, 768);
		Accessibility.assertNoSeriousViolations(this.browser, "the Pay now blade with a decline");

		InvoicesPage list = invoicesAs("admin@contoso.com");
		assertThat(list.status(number)).isEqualTo("Past due");
		assertThat(list.hasPayNow(number)).isTrue();
	}

	@Test
	@Order(2)
	void aCardThatNeedsVerificationShowsTheBanksStepThenPays() {
		InvoicesPage invoices = invoicesAs("admin@fabrikam.com");
		String number = invoices.firstPayable("Due");

		VerificationPage verification = invoices.payNow(number)
			.chooseNewCard()
			.typeNewCard(NewCard.needsVerification())
			.payNowExpectingVerification();

		assertThat(verification.heading()).isEqualTo("Verify this payment");
		assertThat(verification.text()).contains("Your bank asks you to confirm the payment", "ending in 3184");
		this.browser.screenshot("3d-secure-verification");
		Accessibility.assertNoSeriousViolations(this.browser, "the verification page");

		InvoicesPage after = verification.complete();
		assertThat(after.status(number)).isEqualTo("Paid");
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Invoice " + number + " is paid"));
	}

	/** The end result of a double click; the next test shows the script's part in it. */
	@Test
	@Order(3)
	void payNowDoubleClickedReachesTheServerOnceAndPaysOnce() {
		InvoicesPage invoices = invoicesAs("admin@fabrikam.com");
		String number = invoices.firstPayable("Past due");
		PayBlade blade = invoices.payNow(number).chooseSavedCard("4242");
		String payPath = payPath(number);
		long postsBefore = this.requests.postsTo(payPath);

		WebElement html = this.browser.driver().findElement(By.tagName("html"));
		new Actions(this.browser.driver()).doubleClick(blade.payButton()).perform();
		this.browser.waiting().until((d) -> Navigation.isGone(html) ? Boolean.TRUE : null);
		InvoicesPage after = new InvoicesPage(this.browser);

		assertThat(after.status(number)).isEqualTo("Paid");
		assertThat(this.requests.postsTo(payPath) - postsBefore).as("form posts that reached the server")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from payment p join invoice i on i.id = p.invoice_id "
				+ "where i.invoice_number = ?", Long.class, number))
			.as("payments of the invoice")
			.isEqualTo(1);
	}

	/** static/js/portal.js disables a data-submit-once button after its first click. */
	@Test
	@Order(4)
	void thePayNowButtonIsDisabledAfterTheFirstClick() {
		InvoicesPage invoices = invoicesAs("admin@contoso.com");
		PayBlade blade = invoices.payNow(invoices.firstPayable("Past due")).chooseSavedCard("4242");
		// Keep the page: count submissions instead of letting the first one leave it.
		this.browser.script("window.submissions = 0; window.addEventListener('submit', function (e) {"
				+ " window.submissions++; e.preventDefault(); });");

		WebElement button = blade.payButton();
		button.click();
		this.browser.waiting().until((d) -> !button.isEnabled());
		new Actions(this.browser.driver()).click(button).click(button).perform();

		assertThat(button.isEnabled()).isFalse();
		assertThat(button.getAttribute("aria-disabled")).isEqualTo("true");
		assertThat(button.getText()).isEqualTo("Paying…");
		assertThat(((Number) this.browser.script("return window.submissions")).intValue()).isEqualTo(1);
	}

	@Test
	@Order(5)
	void aReaderSeesTheInvoicesButNoPayNow() {
		InvoicesPage invoices = invoicesAs("reader@contoso.com");
		assertThat(invoices.rows()).extracting(InvoicesPage.Row::status).contains("Past due", "Due");
		assertThat(invoices.payNowLinks()).isEmpty();
		assertThat(invoices.hint()).startsWith("You must be the billing account admin to pay invoices.");
		this.browser.screenshot("reader-invoices");

		String pastDue = invoices.rows()
			.stream()
			.filter((r) -> r.status().equals("Past due"))
			.findFirst()
			.orElseThrow()
			.number();
		this.browser.go(payPath(pastDue));
		PortalShell refused = new PortalShell(this.browser);
		assertThat(refused.heading()).isEqualTo("Access denied");
		assertThat(this.browser.driver().findElement(By.id("main")).getText())
			.contains("You must be the billing account admin to pay invoices.");
		assertThat(this.browser.driver().findElements(By.id("pay-blade"))).isEmpty();
	}

	private InvoicesPage invoicesAs(String email) {
		this.browser.reset();
		return LoginPage.open(this.browser)
			.signIn(email, LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement()
			.invoicesFromPane();
	}

	private String payPath(String number) {
		Long account = this.jdbc.queryForObject("select billing_account_id from invoice where invoice_number = ?",
				Long.class, number);
		return "/billing/accounts/" + account + "/invoices/" + number + "/pay";
	}

}
