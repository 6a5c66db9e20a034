package com.billingportal.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Cost Management + Billing: the overview of one billing account, with the left pane. */
public class BillingOverviewPage extends PortalShell {

	public BillingOverviewPage(Browser browser) {
		super(browser);
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.pane")));
	}

	/** The facts list (Billing account, Billing account type, Your role, ...) as label → value. */
	public Map<String, String> facts() {
		return Facts.read(this.driver);
	}

	public boolean showsPaymentProblem() {
		return !this.driver.findElements(By.cssSelector(".banner-error")).isEmpty();
	}

	/** Facts of any page that shows a {@code dl.facts}. */
	static final class Facts {

		private Facts() {
		}

		static Map<String, String> read(org.openqa.selenium.SearchContext page) {
			List<WebElement> terms = page.findElements(By.cssSelector("dl.facts > dt"));
			List<WebElement> values = page.findElements(By.cssSelector("dl.facts > dd"));
			Map<String, String> facts = new LinkedHashMap<>();
			for (int i = 0; i < terms.size(); i++) {
				facts.put(terms.get(i).getText(), values.get(i).getText());
			}
			return facts;
		}

	}

}
