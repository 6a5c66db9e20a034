package com.billingportal.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces invoices: {@link InvoiceIssued} for every due invoice not announced yet, and
 * {@link InvoicePastDue} once an invoice is still due the day after its due date. Invoices come
 * into the database from outside the portal's code (the demo data, a billing system writing rows),
 * so "issued" is noticed here, on a schedule, rather than where an invoice is created. Each
 * announcement is claimed by a conditional update and its event published in that same
 * transaction: on several nodes running this at once, exactly one claims each invoice.
 */
@Component
public class InvoiceAnnouncements {

	private static final Logger log = LoggerFactory.getLogger(InvoiceAnnouncements.class);

	private static final int BATCH = 200;

	private final InvoiceRepository invoices;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	InvoiceAnnouncements(InvoiceRepository invoices, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.invoices = invoices;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${billing.notifications.announce-interval:5m}",
			initialDelayString = "${billing.notifications.announce-initial-delay:30s}")
	public void announceScheduled() {
		announce();
	}

	/** One pass: returns how many announcements this node made. */
	public int announce() {
		LocalDate today = LocalDate.now(this.clock);
		int issued = claimEach(this.invoices.findUnannouncedIssued(BATCH), (invoice) -> {
			boolean won = this.invoices.claimIssueAnnouncement(invoice.id(), this.clock.instant()) == 1;
			return won ? new InvoiceIssued(UUID.randomUUID(), invoice.id(), invoice.billingAccountId(),
					invoice.number()) : null;
		});
		int pastDue = claimEach(this.invoices.findUnannouncedPastDue(today, BATCH), (invoice) -> {
			boolean won = this.invoices.claimPastDueAnnouncement(invoice.id(), this.clock.instant()) == 1;
			return won ? new InvoicePastDue(UUID.randomUUID(), invoice.id(), invoice.billingAccountId(),
					invoice.number()) : null;
		});
		return issued + pastDue;
	}

	private int claimEach(Iterable<Long> ids, Function<Invoice, Object> claim) {
		int claimed = 0;
		for (Long id : ids) {
			try {
				Boolean won = this.tx.execute((status) -> {
					Object event = this.invoices.findById(id).map(claim).orElse(null);
					if (event != null) {
						this.events.publishEvent(event);
					}
					return event != null;
				});
				claimed += Boolean.TRUE.equals(won) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not announce invoice {}: {}", id, ex.toString());
			}
		}
		return claimed;
	}

}
