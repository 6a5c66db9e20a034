package com.billingportal.browser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The Pay now blade beside the invoices list. */
public class PayBlade extends PortalShell {

	public PayBlade(Browser browser) {
		super(browser);
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-blade")));
	}

	public WebElement blade() {
		return this.driver.findElement(By.id("pay-blade"));
	}

	public String bladeTitle() {
		return blade().findElement(By.cssSelector("h2#blade-title")).getText();
	}

	/** Invoice ID, Billing profile, Due date, Status, Amount due. */
	public Map<String, String> facts() {
		return BillingOverviewPage.Facts.read(blade());
	}

	/** The invoice's status in words, as the blade shows it. */
	public String status() {
		return blade().findElement(By.cssSelector(".status > span:not(.status-icon)")).getText();
	}

	/** The list beside the blade. */
	public InvoicesPage list() {
		return new InvoicesPage(this.browser);
	}

	public WebElement picker() {
		return blade().findElement(By.cssSelector("details.method-picker"));
	}

	public WebElement pickerSummary() {
		return picker().findElement(By.tagName("summary"));
	}

	public boolean pickerOpen() {
		return picker().getAttribute("open") != null;
	}

	/** Clicks "Select a payment method" unless the choices are already shown. */
	public PayBlade selectPaymentMethod() {
		if (!pickerOpen()) {
			pickerSummary().click();
			this.browser.waiting().until((d) -> pickerOpen());
		}
		return this;
	}

	/** The saved cards as their labels read, e.g. "Visa •••• 4242 Default Avery Chen Expires 11/2029". */
	public List<String> savedCards() {
		return blade().findElements(By.cssSelector(".method:not(.method-new) label"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	public WebElement savedCardRadio(String lastFour) {
		return savedCard(lastFour).findElement(By.cssSelector("input[type=radio]"));
	}

	/** Chooses the saved card ending in these four digits by clicking its label. */
	public PayBlade chooseSavedCard(String lastFour) {
		selectPaymentMethod();
		savedCard(lastFour).findElement(By.tagName("label")).click();
		return this;
	}

	public PayBlade chooseNewCard() {
		selectPaymentMethod();
		blade().findElement(By.cssSelector("label[for=method-new]")).click();
		return this;
	}

	public WebElement newCardRadio() {
		return this.driver.findElement(By.id("method-new"));
	}

	public PayBlade typeNewCard(NewCard card) {
		type("newCard.holderName", card.holderName());
		type("newCard.number", card.number());
		choose("newCard.expiryMonth", card.expiryMonth());
		choose("newCard.expiryYear", card.expiryYear());
		type("newCard.cvc", card.cvc());
		choose("newCard.country", card.country());
		type("newCard.postalCode", card.postalCode());
		return this;
	}

	public WebElement field(String id) {
		return this.driver.findElement(By.id(id));
	}

	public WebElement payButton() {
		return this.driver.findElement(By.id("pay-submit"));
	}

	/** Clicks Pay now and expects the invoices list back (paid, or a message). */
	public InvoicesPage payNow() {
		WebElement button = payButton();
		Navigation.waitingForNewPage(this.browser, button::click);
		return new InvoicesPage(this.browser);
	}

	/** Clicks Pay now and expects the blade again (declined, or fields to correct). */
	public PayBlade payNowExpectingBlade() {
		WebElement button = payButton();
		Navigation.waitingForNewPage(this.browser, button::click);
		return new PayBlade(this.browser);
	}

	/** Clicks Pay now with a card whose bank asks for 3-D Secure. */
	public VerificationPage payNowExpectingVerification() {
		WebElement button = payButton();
		Navigation.waitingForNewPage(this.browser, button::click);
		return new VerificationPage(this.browser);
	}

	/** The decline message in the blade, if the payment did not go through. */
	public Optional<String> failure() {
		return this.driver.findElements(By.id("pay-failure")).stream().map(WebElement::getText).findFirst();
	}

	/** What the blade says the payer can check after the bank declined, one item each. */
	public List<String> declineChecks() {
		return this.driver.findElements(By.cssSelector("#decline-checks li")).stream().map(WebElement::getText).toList();
	}

	/** Messages written next to the fields that need attention. */
	public List<String> fieldErrors() {
		return blade().findElements(By.cssSelector(".field-error")).stream().map(WebElement::getText).toList();
	}

	private WebElement savedCard(String lastFour) {
		return blade().findElements(By.cssSelector(".method:not(.method-new)"))
			.stream()
			.filter((m) -> m.getText().contains("•••• " + lastFour))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No saved card ending " + lastFour + " among " + savedCards()));
	}

	private void type(String id, String text) {
		WebElement input = field(id);
		input.clear();
		input.sendKeys(text);
	}

	private void choose(String id, String visibleText) {
		new Select(field(id)).selectByVisibleText(visibleText);
	}

}
