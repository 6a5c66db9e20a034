package com.billingportal.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Delivers again the events whose listener did not complete (it failed, or its node stopped
 * mid-way) once they are older than {@code billing.notifications.resubmit-after}. At start-up the
 * registry does the same for every incomplete one
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Each resubmission is
 * claimed in the registry's table by one node; a listener delivered twice all the same writes its
 * emails once ({@link EmailOutbox}).
 */
@Component
class PublicationResubmission {

	private static final Logger log = LoggerFactory.getLogger(PublicationResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final Duration after;

	PublicationResubmission(IncompleteEventPublications incomplete,
			@Value("${billing.notifications.resubmit-after:2m}") Duration after) {
		this.incomplete = incomplete;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${billing.notifications.resubmit-interval:1m}",
			initialDelayString = "${billing.notifications.resubmit-interval:1m}")
	public void resubmitScheduled() {
		resubmit();
	}

	void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.after);
		}
		catch (RuntimeException ex) {
			log.warn("Incomplete event publications could not be resubmitted: {}", ex.toString());
		}
	}

}
