package com.billingportal.api.web;

import java.util.List;
import java.util.Map;

import com.billingportal.api.ApiAccounts;
import com.billingportal.api.ApiClient;
import com.billingportal.api.web.ApiJson.PaymentJson;
import com.billingportal.api.web.ApiJson.PaymentListJson;
import com.billingportal.api.web.ApiBodies.RefundBody;
import com.billingportal.api.web.ApiJson.RefundJson;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.RefundService;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments for reconciliation on the billing system's side. */
@RestController
@RequestMapping(path = "/api/v1/payments", produces = "application/json")
@Tag(name = "Payments", description = "Payments since a cursor, refunds")
class PaymentsApiController {

	private final ApiAccounts accounts;

	private final PaymentQueries payments;

	private final InvoiceService invoices;

	private final RefundService refunds;

	PaymentsApiController(ApiAccounts accounts, PaymentQueries payments, InvoiceService invoices,
			RefundService refunds) {
		this.accounts = accounts;
		this.payments = payments;
		this.invoices = invoices;
		this.refunds = refunds;
	}

	@GetMapping
	@Operation(summary = "Payments changed since a cursor",
			description = "Every payment of the key's accounts whose state changed (started, settled, refunded) after "
					+ "the cursor, oldest change first, each once with its present state. Start with no cursor; pass "
					+ "nextCursor to the next call. An empty data means nothing changed since.")
	PaymentListJson since(@AuthenticationPrincipal ApiClient client,
			@RequestParam(name = "cursor", required = false) String cursor,
			@RequestParam(name = "limit", defaultValue = "100") int limit) {
		if (limit < 1 || limit > 500) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "limit", "must be between 1 and 500");
		}
		long after = cursor(cursor);
		Map<Long, String> accounts = this.accounts.accounts(client);
		List<PaymentQueries.ChangedPayment> changed = this.payments.changedSince(accounts.keySet(), after, limit);
		Map<Long, String> numbers = this.invoices
			.numbersOf(changed.stream().map((c) -> c.payment().invoiceId()).distinct().toList());
		List<PaymentJson> data = changed.stream().map((c) -> {
			Payment p = c.payment();
			return PaymentJson.of(p, numbers.get(p.invoiceId()), accounts.get(p.billingAccountId()));
		}).toList();
		long next = changed.isEmpty() ? after : changed.get(changed.size() - 1).cursor();
		return new PaymentListJson(data, String.valueOf(next));
	}

	@PostMapping("/{reference}/refunds")
	@Operation(summary = "Refund a payment, fully or in part",
			description = "Idempotency-Key is required: the same key again answers the same refund (200). Without an "
					+ "amount, all that is left of the payment (or of the invoice named) is refunded. invoiceNumber, "
					+ "optional, names an invoice the payment paid (400 otherwise): the refund gives back to it only. "
					+ "Without it, a payment of several invoices (Pay selected) is refunded from its last allocated "
					+ "invoice backwards, never more to an invoice than it received from this payment. More than was "
					+ "paid and not yet refunded (refunds in flight count) answers 409. Each invoice's balance grows by "
					+ "its part and an invoice with a balance is payable again (Partially paid, Due or Past due). "
					+ "status is SUCCEEDED, FAILED, or UNKNOWN when the gateway did not answer in time: the "
					+ "reconciler then asks the gateway and settles it once (payment.refunded webhook on success).")
	ResponseEntity<RefundJson> refund(@AuthenticationPrincipal ApiClient client, @PathVariable("reference") String paymentId,
			@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody(required = false) RefundBody body) {
		if (!idempotencyKey.matches("[A-Za-z0-9._:-]{8,100}")) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "Idempotency-Key", "must be 8-100 of A-Z, a-z, 0-9, '.', '_', ':', '-'");
		}
		Payment payment = this.payments.payment(this.accounts.accounts(client).keySet(), paymentId);
		// A refund moves money back: a negative or zero amount is an invalid field (400), not a conflict.
		Money amount = (body != null && body.amount() != null)
				? Money.of(Amounts.positiveMoney("amount", body.amount(), payment.amount().currency()),
						payment.amount().currencyCode())
				: null;
		RefundService.Refunded refunded;
		try {
			refunded = this.refunds.refund(payment.billingAccountId(), paymentId, amount,
					(body != null) ? body.invoiceNumber() : null, idempotencyKey, (body != null) ? body.reason() : null,
					client.actor());
		}
		catch (RefundService.RefundRefused ex) {
			if ("invoiceNumber".equals(ex.field())) {
				throw new InvalidField(HttpStatus.BAD_REQUEST, "invoiceNumber", ex.getMessage());
			}
			throw new ApiProblems.Conflict(ex.getMessage());
		}
		return ResponseEntity.status(refunded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(RefundJson.of(refunded, paymentId));
	}

	private static long cursor(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		if (!cursor.matches("[0-9]{1,18}")) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "cursor", "must be a nextCursor this endpoint answered");
		}
		return Long.parseLong(cursor);
	}

}
