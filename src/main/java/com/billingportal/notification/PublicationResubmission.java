package com.billingportal.notification;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.billingportal.account.AdminInvited;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener did not complete (it failed, or its node stopped
 * mid-way) once they are older than {@code billing.notifications.resubmit-after}. At start-up the
 * registry does the same for every incomplete one
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Each resubmission is
 * claimed in the registry's table by one node; a listener delivered twice all the same writes its
 * emails once ({@link EmailOutbox}). Completed publications are history, kept a while; those of
 * {@link AdminInvited} hold the secret of a password link, and go at the next pass.
 */
@Component
class PublicationResubmission {

	private static final Logger log = LoggerFactory.getLogger(PublicationResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final Duration after;

	private final Duration keepCompleted;

	private final JdbcTemplate jdbc;

	PublicationResubmission(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			@Value("${billing.notifications.resubmit-after:2m}") Duration after,
			@Value("${billing.notifications.keep-completed:7d}") Duration keepCompleted, JdbcTemplate jdbc) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.after = after;
		this.keepCompleted = keepCompleted;
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${billing.notifications.resubmit-interval:1m}",
			initialDelayString = "${billing.notifications.resubmit-interval:1m}")
	public void resubmitScheduled() {
		resubmit();
	}

	void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.after);
			// Completed publications are only history (the emails are in email_message): kept a while.
			this.completed.deletePublicationsOlderThan(this.keepCompleted);
			// The admin invitation's event carries its link's secret: not kept once its email is written.
			this.jdbc.update("delete from event_publication where completion_date is not null and event_type = ?",
					AdminInvited.class.getName());
		}
		catch (RuntimeException ex) {
			log.warn("Incomplete event publications could not be resubmitted: {}", ex.toString());
		}
	}

}
