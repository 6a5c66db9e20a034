package com.billingportal.browser;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pay selected and Pay another amount in Chromium with JavaScript switched off: checkboxes, a
 * plain form and details elements are all it takes. A database of its own: it pays Contoso's
 * two past-due invoices together and a part of the Contoso Research invoice above the card limit.
 */
@BrowserTest(properties = "browser-tests.database=pay-selected")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaySelectedAndPartIT extends ChromiumTest {

	@Override
	String screenshotFolder() {
		return "pay-selected";
	}

	@Override
	boolean javascript() {
		return false;
	}

	InvoicesPage invoices() {
		this.browser.reset();
		return LoginPage.open(this.browser)
			.signIn("admin@contoso.com", LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement()
			.invoicesFromPane();
	}

	@Test
	@Order(1)
	void twoPastDueInvoicesArePaidTogetherWithOneReceipt() {
		InvoicesPage invoices = invoices();
		List<String> pastDue = invoices.rows()
			.stream()
			.filter((r) -> r.payNow() && r.status().equals("Past due"))
			.map(InvoicesPage.Row::number)
			.toList();
		assertThat(pastDue).hasSize(2);
		pastDue.forEach((n) -> this.browser.driver().findElement(By.id("select-" + n)).click());
		WebElement paySelected = this.browser.driver().findElement(By.id("pay-selected"));
		Navigation.waitingForNewPage(this.browser, paySelected::click);
		PayBlade blade = new PayBlade(this.browser);
		String selected = blade.blade().findElement(By.id("selected-invoices")).getText();
		assertThat(selected).contains(pastDue.get(0)).contains(pastDue.get(1));
		blade.chooseSavedCard("4242");
		this.browser.screenshot("pay-selected-blade");
		Navigation.waitingForNewPage(this.browser, blade.payButton()::click);
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-invoices")));
		String receipt = this.browser.driver().findElement(By.id("receipt-invoices")).getText();
		assertThat(receipt).contains(pastDue.get(0)).contains(pastDue.get(1)).contains("Paid");

		InvoicesPage after = invoices();
		assertThat(after.status(pastDue.get(0))).isEqualTo("Paid");
		assertThat(after.status(pastDue.get(1))).isEqualTo("Paid");
	}

	@Test
	@Order(2)
	void partOfAnInvoiceAboveTheCardLimitIsPaid() {
		InvoicesPage invoices = invoices();
		WebElement payPart = this.browser.driver().findElement(By.cssSelector("a.pay-part"));
		String number = payPart.findElement(By.xpath("ancestor::tr")).getAttribute("data-invoice");
		Navigation.waitingForNewPage(this.browser, payPart::click);
		PayBlade blade = new PayBlade(this.browser);
		WebElement part = blade.blade().findElement(By.id("pay-part"));
		assertThat(part.getAttribute("open")).as("open above the card limit").isNotNull();
		// At least 10 % of the balance (about $58,900), at most the card limit.
		blade.field("amount").sendKeys("6000.00");
		blade.chooseSavedCard("4242");
		this.browser.screenshot("pay-part-blade");
		InvoicesPage after = blade.payNow();
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Part of invoice " + number));
		assertThat(after.status(number)).isEqualTo("Partially paid");
		assertThat(after.row(number).getText()).contains("Balance due");
		this.browser.screenshot("partially-paid");
	}

}
