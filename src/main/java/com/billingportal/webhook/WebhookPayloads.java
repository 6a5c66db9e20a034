package com.billingportal.webhook;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentQueries;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bodies of webhooks: {@code {"id", "type", "created", "data": {...}}}, the objects as they are
 * when the webhook is written, amounts as decimal strings in the currency's minor units. A body's
 * reads share one read-only transaction.
 */
@Component
@Transactional(readOnly = true)
class WebhookPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InvoiceService invoices;

	private final PaymentQueries payments;

	private final Clock clock;

	WebhookPayloads(InvoiceService invoices, PaymentQueries payments, Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.clock = clock;
	}

	Webhook invoiceEvent(UUID eventId, String type, long accountId, String number) {
		Invoice invoice = this.invoices.invoice(accountId, number);
		return webhook(eventId, type, accountId, number, Map.of("invoice", invoice(invoice)));
	}

	Webhook paymentEvent(UUID eventId, String type, long accountId, String reference) {
		Payment payment = this.payments.payment(List.of(accountId), reference);
		Map<Long, BigDecimal> allocated = this.payments.allocatedAmountsOf(payment);
		Map<Long, String> numbers = this.invoices.numbersOf(allocated.isEmpty() ? List.of(payment.invoiceId())
				: allocated.keySet());
		String number = numbers.get(payment.invoiceId());
		Invoice invoice = this.invoices.invoice(accountId, number);
		Map<String, Object> json = payment(payment, number);
		json.put("invoices", allocations(payment, allocated, numbers));
		return webhook(eventId, type, accountId, number, Map.of("payment", json, "invoice", invoice(invoice)));
	}

	/**
	 * Every invoice the payment pays or tried to pay ("Pay selected" pays several with one charge),
	 * with the part of the payment allocated to it.
	 */
	private static List<Map<String, Object>> allocations(Payment payment, Map<Long, BigDecimal> allocated,
			Map<Long, String> numbers) {
		if (allocated.isEmpty()) {
			return List.of(Map.of("number", numbers.get(payment.invoiceId()), "amount", decimal(payment.amount())));
		}
		return allocated.entrySet().stream().map((e) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("number", numbers.get(e.getKey()));
			json.put("amount", decimal(Money.of(e.getValue(), payment.amount().currencyCode())));
			return json;
		}).toList();
	}

	private Webhook webhook(UUID eventId, String type, long accountId, String number, Map<String, Object> data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", eventId.toString());
		body.put("type", type);
		body.put("created", this.clock.instant().toString());
		body.put("account", accountId);
		body.put("data", data);
		return new Webhook(eventId, type, accountId, number, JSON.writeValueAsString(body));
	}

	private Map<String, Object> invoice(Invoice invoice) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("number", invoice.number());
		json.put("status", invoice.status(this.invoices.today()).name());
		json.put("currency", invoice.amountDue().currencyCode());
		json.put("amountDue", decimal(invoice.amountDue()));
		json.put("balanceDue", decimal(invoice.balanceDue()));
		json.put("dueDate", invoice.dueDate().toString());
		return json;
	}

	private static Map<String, Object> payment(Payment payment, String number) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", payment.reference());
		json.put("invoice", number);
		json.put("status", payment.status().name());
		json.put("amount", decimal(payment.amount()));
		json.put("refunded", decimal(payment.refunded()));
		json.put("currency", payment.amount().currencyCode());
		json.put("failureReason", (payment.failureReason() != null) ? payment.failureReason().name() : null);
		return json;
	}

	private static String decimal(Money money) {
		return money.amount().toPlainString();
	}

	/** A webhook to write: its event id (stable across deliveries), type, account, invoice and body. */
	record Webhook(UUID eventId, String type, long accountId, String invoiceNumber, String body) {
	}

}
