package com.billingportal.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one email says, already in its recipient's language: the subject, a heading, paragraphs,
 * facts (label, value), an optional button (label and absolute link), further steps, attachments.
 * {@code email/letter.html} and {@code email/letter.txt} lay it out.
 */
record Letter(String recipient, Locale locale, String subject, String heading, List<String> paragraphs,
		Map<String, String> facts, String actionLabel, String actionUrl, List<String> steps,
		List<Attachment> attachments) {

	record Attachment(String fileName, byte[] content) {
	}

}
