package com.billingportal.browser;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves what the browser showed when a browser test failed: target/screenshots/FOLDER/FAILED-test.png. */
class ScreenshotOnFailure implements TestWatcher {

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		Object test = context.getTestInstance().orElse(null);
		if (test == null) {
			return;
		}
		for (Field field : test.getClass().getDeclaredFields()) {
			if (field.getType() == Browser.class) {
				try {
					field.setAccessible(true);
					Browser browser = (Browser) field.get(test);
					if (browser != null) {
						browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
					}
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// The failure itself is what matters; a missing screenshot must not hide it.
				}
			}
		}
	}

}
