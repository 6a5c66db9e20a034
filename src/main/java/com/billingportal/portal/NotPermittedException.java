package com.billingportal.portal;

/** The user can see the object but may not do this to it: answered with 403 and the message. */
public class NotPermittedException extends RuntimeException {

	private final String messageKey;

	public NotPermittedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
