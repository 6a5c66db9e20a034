package com.billingportal.browser;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every signed-in page has: the top bar with the search box and the user, the breadcrumb,
 * the flash message, and (on billing pages) the left pane.
 */
public class PortalShell {

	protected final Browser browser;

	protected final WebDriver driver;

	public PortalShell(Browser browser) {
		this.browser = browser;
		this.driver = browser.driver();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.topbar")));
	}

	public WebElement searchBox() {
		return this.driver.findElement(By.id("global-search"));
	}

	/** Types into the search box of the top bar and presses Enter. */
	public SearchResultsPage search(String text) {
		WebElement box = searchBox();
		box.click();
		box.clear();
		box.sendKeys(text);
		Navigation.waitingForNewPage(this.browser, () -> box.sendKeys(Keys.ENTER));
		return new SearchResultsPage(this.browser);
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	public String signedInUser() {
		return this.driver.findElement(By.cssSelector(".topbar-user .user-name")).getText();
	}

	public List<String> breadcrumb() {
		return this.driver.findElements(By.cssSelector("nav.breadcrumb li")).stream().map(WebElement::getText).toList();
	}

	/** The flash message shown after an action, if any. */
	public Optional<String> flash() {
		return this.driver.findElements(By.cssSelector(".flash-area .flash")).stream().map(WebElement::getText).findFirst();
	}

	public WebElement pane() {
		return this.driver.findElement(By.cssSelector("nav.pane"));
	}

	public WebElement paneLink(String label) {
		return pane().findElement(By.linkText(label));
	}

	/** Clicks Invoices under Billing in the left pane. */
	public InvoicesPage invoicesFromPane() {
		WebElement link = paneLink("Invoices");
		Navigation.waitingForNewPage(this.browser, link::click);
		return new InvoicesPage(this.browser);
	}

	public PortalShell openFromPane(String label) {
		WebElement link = paneLink(label);
		Navigation.waitingForNewPage(this.browser, link::click);
		return new PortalShell(this.browser);
	}

	public String title() {
		return this.driver.getTitle();
	}

}
