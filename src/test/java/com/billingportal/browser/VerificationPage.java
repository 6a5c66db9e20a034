package com.billingportal.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The bank's verification step (3-D Secure), as the sandbox shows it. */
public class VerificationPage extends PortalShell {

	public VerificationPage(Browser browser) {
		super(browser);
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-title")));
	}

	public String text() {
		return this.driver.findElement(By.cssSelector("section.verify")).getText();
	}

	public InvoicesPage complete() {
		return decide("Complete verification");
	}

	public InvoicesPage fail() {
		return decide("Fail verification");
	}

	private InvoicesPage decide(String label) {
		WebElement button = this.driver.findElements(By.cssSelector("section.verify button"))
			.stream()
			.filter((b) -> b.getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No button " + label));
		Navigation.waitingForNewPage(this.browser, button::click);
		return new InvoicesPage(this.browser);
	}

}
