package com.billingportal.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends written emails, outside any transaction: each attempt is claimed by one node (a
 * conditional update, held for {@code billing.notifications.lease}), sent over SMTP when
 * {@code spring.mail.host} is set, or kept when it is not. A mail server that cannot be reached
 * leaves the email Pending with the error, retried later with a growing wait; one that refuses the
 * address fails it for good. The payment or change that caused an email never waits for this.
 */
@Component
public class EmailDelivery {

	private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

	private final EmailMessageRepository emails;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	EmailDelivery(EmailMessageRepository emails, ObjectProvider<JavaMailSender> mailSender,
			NotificationProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
		this.emails = emails;
		this.mailSender = mailSender;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${billing.notifications.retry-interval:30s}",
			initialDelayString = "${billing.notifications.retry-initial-delay:20s}")
	public void retryScheduled() {
		retryDue();
	}

	/** Attempts every email whose time has come; returns how many this node attempted. */
	public int retryDue() {
		List<Long> due = this.emails.findDue(this.clock.instant(), 100);
		return send(due);
	}

	/**
	 * Attempts the emails now (those another node holds, or whose time has not come, are left). When
	 * the mail server cannot be reached, the rest wait for the next pass instead of each waiting for
	 * its own time-out.
	 */
	int send(List<Long> ids) {
		int attempted = 0;
		for (Long id : ids) {
			try {
				Attempt attempt = attempt(id);
				attempted += (attempt != Attempt.NOT_CLAIMED) ? 1 : 0;
				if (attempt == Attempt.SERVER_UNREACHABLE) {
					break;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Email {} could not be attempted: {}", id, ex.toString());
			}
		}
		return attempted;
	}

	private enum Attempt {

		NOT_CLAIMED, DONE, SERVER_UNREACHABLE

	}

	/**
	 * One attempt, under a lease: its end is written only if the lease is still this attempt's (a
	 * send slower than the lease was claimed again by another node, whose outcome stands).
	 */
	private Attempt attempt(long id) {
		Instant now = this.clock.instant();
		Instant lease = now.plus(this.properties.lease()).truncatedTo(ChronoUnit.MILLIS);
		Boolean claimed = this.tx.execute((s) -> this.emails.claim(id, now, lease) == 1);
		if (!Boolean.TRUE.equals(claimed)) {
			return Attempt.NOT_CLAIMED;
		}
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			finish(id, lease, (e) -> e.kept(this.clock.instant()));
			return Attempt.DONE;
		}
		// Read here only to be sent (the whole MIME text, attachments included); finish reads the row
		// again, under its lock, to record the outcome.
		EmailMessage email = this.emails.findById(id).orElseThrow();
		try {
			sender.send(new StableIdMimeMessage(EmailWriter.SESSION, email.mime(), email.messageId()));
			finish(id, lease, (e) -> e.sent(this.clock.instant()));
			return Attempt.DONE;
		}
		catch (MailException | MessagingException ex) {
			return failed(id, lease, email.attempts() + 1, ex) ? Attempt.DONE : Attempt.SERVER_UNREACHABLE;
		}
	}

	/** Records a failed attempt; true when the server answered (and refused the address for good). */
	private boolean failed(long id, Instant lease, int attempts, Exception ex) {
		String error = describe(ex);
		if (isRefusedForGood(ex)) {
			log.warn("Email {} refused by the mail server: {}", id, error);
			finish(id, lease, (e) -> e.refused(error));
			return true;
		}
		boolean giveUp = attempts >= this.properties.maxAttempts();
		Instant next = this.clock.instant().plus(this.properties.backoff(attempts));
		log.warn("Email {} not sent (attempt {}{}): {}", id, attempts, giveUp ? ", giving up" : "", error);
		finish(id, lease, (e) -> e.attemptFailed(error, next, giveUp));
		return false;
	}

	/** The server answered and refused a recipient (a bad address): trying again changes nothing. */
	private static boolean isRefusedForGood(Exception ex) {
		if (ex instanceof MailSendException send) {
			return send.getFailedMessages().values().stream().anyMatch(EmailDelivery::hasInvalidAddress);
		}
		return hasInvalidAddress(ex);
	}

	private static boolean hasInvalidAddress(Exception ex) {
		return ex instanceof SendFailedException refused && refused.getInvalidAddresses() != null
				&& refused.getInvalidAddresses().length > 0;
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = ex; t != null && text.length() < 400; t = t.getCause()) {
			if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
				text.append((text.length() > 0) ? "; " : "").append(t.getMessage().strip());
			}
		}
		return text.toString();
	}

	private void finish(long id, Instant lease, Consumer<EmailMessage> change) {
		this.tx.executeWithoutResult((s) -> {
			EmailMessage email = this.emails.findByIdForUpdate(id).orElseThrow();
			if (email.isHeldUntil(lease)) {
				change.accept(email);
			}
			else {
				log.warn("Email {}: an attempt outlived its lease; the attempt that claimed it since decides", id);
			}
		});
	}

}
