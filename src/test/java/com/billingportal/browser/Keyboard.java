package com.billingportal.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab, Shift+Tab, Enter, Space and typing: what a keyboard user has. Every element the keyboard
 * stops on is checked for a visible focus indicator.
 */
final class Keyboard {

	private static final int MAX_TABS = 80;

	private final Browser browser;

	private final List<String> visited = new ArrayList<>();

	Keyboard(Browser browser) {
		this.browser = browser;
	}

	WebElement focused() {
		return this.browser.driver().switchTo().activeElement();
	}

	/** Presses Tab until the focused element matches; each stop must show where the focus is. */
	WebElement tabTo(String what, Predicate<WebElement> target) {
		for (int i = 0; i < MAX_TABS; i++) {
			press(Keys.TAB);
			WebElement element = focused();
			assertFocusVisible(element);
			if (target.test(element)) {
				return element;
			}
		}
		throw new AssertionError("Tab never reached " + what + " after " + MAX_TABS + " presses; visited " + this.visited);
	}

	void press(CharSequence key) {
		new Actions(this.browser.driver()).sendKeys(key).perform();
	}

	/** Types into whatever has the focus. */
	void type(String text) {
		new Actions(this.browser.driver()).sendKeys(text).perform();
	}

	/** Presses a key that leads to another page and waits for it. */
	void pressAndWaitForNewPage(CharSequence key) {
		Navigation.waitingForNewPage(this.browser, () -> press(key));
	}

	/** The focused element draws an outline: its computed style is not "none" and not 0 wide. */
	void assertFocusVisible(WebElement element) {
		String description = describe(element);
		this.visited.add(description);
		String outlineStyle = element.getCssValue("outline-style");
		String outlineWidth = element.getCssValue("outline-width");
		assertThat(outlineStyle).as("outline style of the focused " + description).isNotEqualTo("none");
		assertThat(outlineWidth).as("outline width of the focused " + description).doesNotStartWith("0");
	}

	static String describe(WebElement element) {
		String id = element.getAttribute("id");
		String text = element.getText();
		return element.getTagName() + ((id != null && !id.isEmpty()) ? "#" + id : "")
				+ ((text != null && !text.isBlank()) ? " \"" + text.lines().findFirst().orElse("") + "\"" : "");
	}

}
