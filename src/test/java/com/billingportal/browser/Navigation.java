package com.billingportal.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Waits for the page an action leads to, so a page object never reads the page before it. */
final class Navigation {

	private Navigation() {
	}

	static void waitingForNewPage(Browser browser, Runnable action) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		action.run();
		browser.waiting().until(ExpectedConditions.stalenessOf(old));
		browser.waiting()
			.until((d) -> "complete".equals(browser.script("return document.readyState")) ? Boolean.TRUE : null);
	}

}
