package com.billingportal.webhook;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.billingportal.invoice.InvoiceIssued;
import com.billingportal.payment.PaymentFailed;
import com.billingportal.payment.PaymentRefunded;
import com.billingportal.payment.PaymentSucceeded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Turns the events of {@code invoice} and {@code payment} into webhooks: one row of
 * {@code webhook_delivery} per event and endpoint, written once however often the event is
 * delivered to this listener (the registry retries it until it completes), then handed to
 * {@link WebhookDelivery}. Runs after the event's transaction, on a thread of its own: a slow or
 * dead receiver never slows a payment, and holds no connection of the pool while it is waited for
 * ({@code portal.TransactionsConfiguration}).
 */
@Component
class WebhookOutbox {

	private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

	private final WebhookPayloads payloads;

	private final WebhookEndpoints endpoints;

	private final WebhookDelivery delivery;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	WebhookOutbox(WebhookPayloads payloads, WebhookEndpoints endpoints, WebhookDelivery delivery, JdbcTemplate jdbc,
			Clock clock) {
		this.payloads = payloads;
		this.endpoints = endpoints;
		this.delivery = delivery;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InvoiceIssued event) {
		write(event.accountId(), () -> List.of(this.payloads.invoiceEvent(event.eventId(), "invoice.issued",
				event.accountId(), event.invoiceNumber())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentSucceeded event) {
		// A payment succeeds only by paying its invoice's whole balance: the invoice is paid. The event
		// has its own stable id, derived from the payment's: the same on every delivery.
		UUID paid = UUID.nameUUIDFromBytes((event.eventId() + "/invoice.paid").getBytes(StandardCharsets.UTF_8));
		write(event.accountId(), () -> List.of(
				this.payloads.paymentEvent(event.eventId(), "payment.succeeded", event.accountId(), event.reference()),
				this.payloads.paymentEvent(paid, "invoice.paid", event.accountId(), event.reference())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentFailed event) {
		write(event.accountId(), () -> List.of(this.payloads.paymentEvent(event.eventId(), "payment.failed",
				event.accountId(), event.reference())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentRefunded event) {
		write(event.accountId(), () -> List.of(this.payloads.paymentEvent(event.eventId(), "payment.refunded",
				event.accountId(), event.reference())));
	}

	/**
	 * Writes each webhook for each endpoint of the account, then hands them to delivery. The endpoints
	 * are read first: most accounts have none, and then no payload is read or written.
	 */
	private void write(long accountId, Supplier<List<WebhookPayloads.Webhook>> webhooks) {
		List<WebhookEndpoints.Target> targets = this.endpoints.targetsFor(accountId);
		if (targets.isEmpty()) {
			return;
		}
		List<Long> ids = new ArrayList<>();
		for (WebhookPayloads.Webhook webhook : webhooks.get()) {
			for (WebhookEndpoints.Target target : targets) {
				ids.add(rowFor(webhook, target));
			}
		}
		this.delivery.send(ids);
	}

	/** The id of the webhook's row for the endpoint, written now or by an earlier delivery of the event. */
	private long rowFor(WebhookPayloads.Webhook webhook, WebhookEndpoints.Target target) {
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.update("""
					insert into webhook_delivery (endpoint, event_id, event_type, billing_account_id, invoice_number,
					  payload, status, attempts, next_attempt_at, created_at)
					values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""", target.key(), webhook.eventId().toString(),
					webhook.type(), webhook.accountId(), webhook.invoiceNumber(), webhook.body(), now, now);
		}
		catch (DuplicateKeyException ex) {
			log.debug("Webhook {} to {} was written before", webhook.eventId(), target.key());
		}
		return this.jdbc.queryForObject("select id from webhook_delivery where endpoint = ? and event_id = ?",
				Long.class, target.key(), webhook.eventId().toString());
	}

}
