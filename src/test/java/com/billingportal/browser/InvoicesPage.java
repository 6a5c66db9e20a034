package com.billingportal.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The invoices blade of a billing account: the list, its filters and the Pay now links. */
public class InvoicesPage extends PortalShell {

	public InvoicesPage(Browser browser) {
		super(browser);
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("invoices-heading")));
	}

	/** One row of the list as a user reads it. */
	public record Row(String number, String status, boolean payNow) {
	}

	public List<Row> rows() {
		return this.driver.findElements(By.cssSelector("tr[data-invoice]"))
			.stream()
			.map((tr) -> new Row(tr.getAttribute("data-invoice"), statusOf(tr),
					!tr.findElements(By.cssSelector("a.pay-now")).isEmpty()))
			.toList();
	}

	/** The first invoice in the list with this status (e.g. "Past due") and a Pay now link. */
	public String firstPayable(String status) {
		List<Row> rows = rows();
		return rows.stream()
			.filter((r) -> r.payNow() && r.status().equals(status))
			.map(Row::number)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No invoice with status \"" + status
					+ "\" and a Pay now link (see BrowserTest for which test pays which): " + rows));
	}

	public WebElement row(String number) {
		return this.driver.findElement(By.id("invoice-" + number));
	}

	/** The status in words, as the row shows it: "Due", "Past due", "Paid", ... */
	public String status(String number) {
		return statusOf(row(number));
	}

	public boolean hasPayNow(String number) {
		return !row(number).findElements(By.cssSelector("a.pay-now")).isEmpty();
	}

	public List<WebElement> payNowLinks() {
		return this.driver.findElements(By.cssSelector("a.pay-now"));
	}

	public WebElement payNowLink(String number) {
		return row(number).findElement(By.cssSelector("a.pay-now"));
	}

	/** Clicks the blue Pay now of an invoice; the Pay now blade opens beside the list. */
	public PayBlade payNow(String number) {
		WebElement link = payNowLink(number);
		Navigation.waitingForNewPage(this.browser, link::click);
		return new PayBlade(this.browser);
	}

	public WebElement list() {
		return this.driver.findElement(By.cssSelector("section.invoices"));
	}

	/** The reason shown under the list when the viewer may not pay. */
	public String hint() {
		return this.driver.findElement(By.cssSelector("section.invoices > p.hint")).getText();
	}

	private static String statusOf(WebElement row) {
		return row.findElement(By.cssSelector("td.invoice-status .status > span:not(.status-icon)")).getText();
	}

}
