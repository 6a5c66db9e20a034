package com.billingportal.browser;

import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sign-in page. */
public class LoginPage {

	public static final String DEMO_PASSWORD = "billing-demo-2026";

	private final Browser browser;

	private final WebDriver driver;

	public LoginPage(Browser browser) {
		this.browser = browser;
		this.driver = browser.driver();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form input#email")));
	}

	public static LoginPage open(Browser browser) {
		browser.go("/login");
		return new LoginPage(browser);
	}

	public WebElement email() {
		return this.driver.findElement(By.id("email"));
	}

	public WebElement password() {
		return this.driver.findElement(By.id("password"));
	}

	public WebElement submit() {
		return this.driver.findElement(By.cssSelector("form button[type=submit]"));
	}

	/** Types the email and password and clicks Sign in; lands on the home page. */
	public PortalShell signIn(String email, String password) {
		email().clear();
		email().sendKeys(email);
		password().sendKeys(password);
		WebElement button = submit();
		Navigation.waitingForNewPage(this.browser, button::click);
		return new PortalShell(this.browser);
	}

	public Optional<String> error() {
		return this.driver.findElements(By.cssSelector(".flash-error")).stream().map(WebElement::getText).findFirst();
	}

}
