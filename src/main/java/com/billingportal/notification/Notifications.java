package com.billingportal.notification;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.billingportal.account.AdminInvited;
import com.billingportal.autopay.AutopayGaveUp;
import com.billingportal.card.CardExpiring;
import com.billingportal.invoice.InvoiceIssued;
import com.billingportal.invoice.InvoicePastDue;
import com.billingportal.payment.PaymentFailed;
import com.billingportal.payment.PaymentSucceeded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Turns the other modules' events into emails. Each listener runs after the publishing
 * transaction has committed, on another thread, and its event stays in the event publication
 * registry until it returns: a node that stops in between leaves it incomplete, and it is delivered
 * again ({@link PublicationResubmission}). The emails are written once per event
 * ({@link EmailOutbox}) and then sent ({@link EmailDelivery}), outside any transaction, holding no
 * connection of the pool meanwhile ({@code portal.TransactionsConfiguration}).
 */
@Component
class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final PaymentLetters payments;

	private final InvoiceLetters invoices;

	private final CardLetters cards;

	private final AccountLetters accounts;

	private final EmailOutbox outbox;

	private final EmailDelivery delivery;

	Notifications(PaymentLetters payments, InvoiceLetters invoices, CardLetters cards, AccountLetters accounts,
			EmailOutbox outbox, EmailDelivery delivery) {
		this.accounts = accounts;
		this.payments = payments;
		this.invoices = invoices;
		this.cards = cards;
		this.outbox = outbox;
		this.delivery = delivery;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentSucceeded event) {
		deliver(event.eventId(), () -> this.payments.receipt(event));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentFailed event) {
		if (event.automatic()) {
			// Automatic payment retries on its own; the admin is told once, after its last attempt
			// (AutopayGaveUp), not by an email for each decline.
			log.debug("Event {}: automatic attempt {} declined, no email", event.eventId(), event.reference());
			return;
		}
		deliver(event.eventId(), () -> this.payments.failed(event));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InvoiceIssued event) {
		deliver(event.eventId(), () -> this.invoices.issued(event));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InvoicePastDue event) {
		deliver(event.eventId(), () -> this.invoices.pastDue(event));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CardExpiring event) {
		deliver(event.eventId(), () -> this.cards.expiring(event));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AutopayGaveUp event) {
		deliver(event.eventId(), () -> this.invoices.autopayFailed(event));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AdminInvited event) {
		deliver(event.eventId(), () -> this.accounts.adminInvited(event));
	}

	/** Writes the event's emails unless an earlier delivery of it did, then sends what is due. */
	private void deliver(UUID eventId, Supplier<Emails> emails) {
		// One query when a redelivered event's emails exist; record checks again under its lock.
		List<Long> ids = this.outbox.idsOf(eventId);
		if (ids.isEmpty()) {
			ids = this.outbox.record(eventId, emails.get());
		}
		log.debug("Event {}: emails {}", eventId, ids);
		this.delivery.send(ids);
	}

}
