package com.billingportal.notification;

import java.util.Locale;

/** An email as written for one recipient: the MIME message (ASCII) with its stable Message-ID. */
record WrittenEmail(String recipient, Locale locale, String subject, String messageId, String mime) {
}
