package com.billingportal.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Chromium per test class, opened before its first test. Each test is skipped with the
 * reason (or fails under -Dit.required=true) where Chromium or chromedriver is missing.
 */
abstract class ChromiumTest {

	@LocalServerPort
	int port;

	Browser browser;

	/** The folder under target/screenshots for this class's screenshots. */
	abstract String screenshotFolder();

	boolean javascript() {
		return true;
	}

	@BeforeEach
	void openChromium() {
		Browser.requireChromium();
		if (this.browser == null) {
			this.browser = Browser.open(this.port, screenshotFolder(), javascript());
		}
		this.browser.reset();
	}

	@AfterAll
	void closeChromium() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
