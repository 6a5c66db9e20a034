package com.billingportal.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of the emails, from the portal's message bundles, in the recipient's language. */
@Component
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	String get(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/** The message, or null when the bundle has no such key. */
	String orNull(Locale locale, String key) {
		return this.messages.getMessage(key, null, null, locale);
	}

}
