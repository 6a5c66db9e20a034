package com.billingportal.notification;

import java.util.List;

/** The emails one event causes: one letter per recipient, about one object of one account. */
record Emails(long accountId, EmailKind kind, String about, List<Letter> letters) {
}
