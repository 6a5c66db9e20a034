package com.billingportal.notification;

/**
 * What became of an email: waiting for its next attempt (Pending, with the last error), being sent
 * by one node (Sending, until its lease ends), Sent, Kept (no mail server is configured) or Failed
 * (refused for good, or too many attempts).
 */
public enum EmailStatus {

	PENDING, SENDING, SENT, KEPT, FAILED;

	public String messageKey() {
		return "email.status." + name();
	}

}
