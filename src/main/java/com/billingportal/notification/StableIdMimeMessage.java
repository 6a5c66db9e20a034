package com.billingportal.notification;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID stays the one it was written with: Jakarta Mail would make a new
 * one each time the message is saved or sent, and a resend must be recognisably the same message.
 */
class StableIdMimeMessage extends MimeMessage {

	private final String messageId;

	StableIdMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	/** The stored message, read back to be sent. */
	StableIdMimeMessage(Session session, String mime, String messageId) throws MessagingException {
		super(session, new ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)));
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", this.messageId);
	}

}
