package com.billingportal.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/** Waits for the page an action leads to, so a page object never reads the page before it. */
final class Navigation {

	private Navigation() {
	}

	static void waitingForNewPage(Browser browser, Runnable action) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		action.run();
		browser.waiting().until((d) -> isGone(old) ? Boolean.TRUE : null);
		browser.waiting()
			.until((d) -> "complete".equals(browser.script("return document.readyState")) ? Boolean.TRUE : null);
	}

	/**
	 * Whether the element belongs to a page that has been left. Chromium answers either "stale
	 * element" or, while the new document is being attached, "node does not belong to the
	 * document": both mean the old page is gone.
	 */
	static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("does not belong to the document") || message.contains("stale element")) {
				return true;
			}
			throw ex;
		}
	}

}
