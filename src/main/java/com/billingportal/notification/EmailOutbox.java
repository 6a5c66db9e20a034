package com.billingportal.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the emails of one event, once: all of an event's emails are saved in one transaction, and
 * an event whose emails exist already (delivered again after a crash, or by two nodes at once: the
 * unique key on event and recipient stops the second) writes nothing more.
 */
@Component
class EmailOutbox {

	private final EmailMessageRepository emails;

	private final EmailWriter writer;

	private final TransactionTemplate tx;

	private final Clock clock;

	EmailOutbox(EmailMessageRepository emails, EmailWriter writer, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.emails = emails;
		this.writer = writer;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	private boolean isRecorded(UUID eventId) {
		return this.emails.existsByEventId(eventId.toString());
	}

	/** Saves the event's emails unless they exist; returns the ids of the event's emails either way. */
	List<Long> record(UUID eventId, Emails emails) {
		List<EmailMessage> written = emails.letters()
			.stream()
			.map((letter) -> new EmailMessage(emails.accountId(), eventId.toString(), emails.kind(), emails.about(),
					this.writer.write(eventId, letter), now()))
			.toList();
		try {
			this.tx.executeWithoutResult((status) -> {
				if (!isRecorded(eventId)) {
					this.emails.saveAllAndFlush(written);
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another node recorded this event's emails first: theirs are the ones.
		}
		return idsOf(eventId);
	}

	List<Long> idsOf(UUID eventId) {
		return this.emails.findIdsByEventId(eventId.toString());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
