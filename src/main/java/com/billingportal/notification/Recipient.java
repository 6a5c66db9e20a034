package com.billingportal.notification;

import java.util.Locale;

/** Someone an email goes to, with the language it is written in. */
record Recipient(String address, Locale locale) {
}
