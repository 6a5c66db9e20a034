package com.billingportal.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Results of the search box: services and billing accounts. */
public class SearchResultsPage extends PortalShell {

	public SearchResultsPage(Browser browser) {
		super(browser);
	}

	public List<String> results() {
		return this.driver.findElements(By.cssSelector("a.result-link")).stream().map(WebElement::getText).toList();
	}

	public WebElement result(String name) {
		return this.driver.findElements(By.cssSelector("a.result-link"))
			.stream()
			.filter((a) -> a.getText().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No search result \"" + name + "\" among " + results()));
	}

	/**
	 * Chooses Cost Management + Billing; a user with one billing account lands on its overview.
	 */
	public BillingOverviewPage chooseCostManagement() {
		WebElement link = result("Cost Management + Billing");
		Navigation.waitingForNewPage(this.browser, link::click);
		return new BillingOverviewPage(this.browser);
	}

}
