package com.billingportal.notification;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * One email to one recipient, as written for one event: the whole MIME message (what is sent, and
 * what Email history shows) and what became of it. Never holds a card number, a CVC or a token:
 * the emails name a card by brand and last four digits only. A change of status updates the
 * columns that changed ({@link DynamicUpdate}), not the MIME text written once.
 */
@Entity
@DynamicUpdate
@Table(name = "email_message")
public class EmailMessage {

	private static final int MAX_ERROR = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Column(name = "event_id")
	private String eventId;

	@Enumerated(EnumType.STRING)
	private EmailKind kind;

	/** What the email is about: an invoice id, a payment's reference, a card's brand and last four. */
	private String about;

	private String recipient;

	private String language;

	private String subject;

	@Column(name = "message_id")
	private String messageId;

	private String mime;

	@Enumerated(EnumType.STRING)
	private EmailStatus status;

	private int attempts;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "lease_until")
	private Instant leaseUntil;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected EmailMessage() {
	}

	EmailMessage(long billingAccountId, String eventId, EmailKind kind, String about, WrittenEmail email,
			Instant now) {
		this.billingAccountId = billingAccountId;
		this.eventId = eventId;
		this.kind = kind;
		this.about = about;
		this.recipient = email.recipient();
		this.language = email.locale().toLanguageTag();
		this.subject = email.subject();
		this.messageId = email.messageId();
		this.mime = email.mime();
		this.status = EmailStatus.PENDING;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	public Long id() {
		return this.id;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public EmailKind kind() {
		return this.kind;
	}

	public String about() {
		return this.about;
	}

	public String recipient() {
		return this.recipient;
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

	public String subject() {
		return this.subject;
	}

	public String messageId() {
		return this.messageId;
	}

	public String mime() {
		return this.mime;
	}

	/** Whether the attempt that claimed this email until {@code lease} still holds it. */
	boolean isHeldUntil(Instant lease) {
		return this.status == EmailStatus.SENDING && lease.equals(this.leaseUntil);
	}

	public EmailStatus status() {
		return this.status;
	}

	public int attempts() {
		return this.attempts;
	}

	public String lastError() {
		return this.lastError;
	}

	public Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant sentAt() {
		return this.sentAt;
	}

	void sent(Instant now) {
		this.status = EmailStatus.SENT;
		this.attempts++;
		this.sentAt = now;
		this.lastError = null;
		this.leaseUntil = null;
	}

	void kept(Instant now) {
		this.status = EmailStatus.KEPT;
		this.sentAt = now;
		this.leaseUntil = null;
	}

	/** An attempt failed but may succeed later: retried at {@code next}, or given up on. */
	void attemptFailed(String error, Instant next, boolean giveUp) {
		this.attempts++;
		this.lastError = truncate(error);
		this.leaseUntil = null;
		this.status = giveUp ? EmailStatus.FAILED : EmailStatus.PENDING;
		this.nextAttemptAt = next;
	}

	/** The mail server refused the message for good (a bad address): never retried. */
	void refused(String error) {
		this.attempts++;
		this.lastError = truncate(error);
		this.leaseUntil = null;
		this.status = EmailStatus.FAILED;
	}

	private static String truncate(String error) {
		String text = (error == null) ? "" : error;
		return (text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR - 1) + "…" : text;
	}

}
