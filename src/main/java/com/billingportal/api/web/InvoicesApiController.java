package com.billingportal.api.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import com.billingportal.api.ApiAccounts;
import com.billingportal.api.ApiClient;
import com.billingportal.api.web.ApiBodies.InvoiceBody;
import com.billingportal.api.web.ApiBodies.LineBody;
import com.billingportal.api.web.ApiJson.InvoiceJson;
import com.billingportal.api.web.ApiJson.PaymentJson;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.Invoice.InvoiceDates;
import com.billingportal.invoice.InvoiceIntake;
import com.billingportal.invoice.InvoiceIntake.IssueInvoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.PaymentQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issuing, voiding and reading invoices. */
@RestController
@RequestMapping(path = "/api/v1/invoices", produces = "application/json")
@Tag(name = "Invoices", description = "Issue, void and read invoices")
class InvoicesApiController {

	private final ApiAccounts accounts;

	private final InvoiceIntake intake;

	private final InvoiceService invoices;

	private final PaymentQueries payments;

	InvoicesApiController(ApiAccounts accounts, InvoiceIntake intake, InvoiceService invoices,
			PaymentQueries payments) {
		this.accounts = accounts;
		this.intake = intake;
		this.invoices = invoices;
		this.payments = payments;
	}

	@PostMapping
	@Operation(summary = "Issue an invoice",
			description = "Idempotent by number: the same body again answers 200 with the same invoice; a different "
					+ "body under a number already used answers 409. Each line's amount must be quantity × unit price "
					+ "rounded to the currency's minor units; the amount due is the lines' sum plus tax.")
	ResponseEntity<InvoiceJson> issue(@AuthenticationPrincipal ApiClient client, @Valid @RequestBody InvoiceBody body) {
		IssueInvoice request = request(this.accounts.accountId(client, body.account()), body);
		InvoiceIntake.Issued issued;
		try {
			issued = this.intake.issue(request, client.actor());
		}
		catch (DataIntegrityViolationException ex) {
			// The same number inserted at the same moment by another request: its invoice answers.
			issued = this.intake.issue(request, client.actor());
		}
		return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(json(issued.invoice(), body.account()));
	}

	@GetMapping("/{number}")
	@Operation(summary = "An invoice with its lines and payments")
	InvoiceJson invoice(@AuthenticationPrincipal ApiClient client, @PathVariable String number) {
		Invoice invoice = find(client, number);
		return json(invoice, this.accounts.externalId(client, invoice.billingAccountId()).orElseThrow());
	}

	@PostMapping("/{number}/void")
	@Operation(summary = "Void a due invoice", description = "Voiding a void invoice again changes nothing; a paid "
			+ "invoice, or one being paid, answers 409.")
	InvoiceJson voidInvoice(@AuthenticationPrincipal ApiClient client, @PathVariable String number) {
		Invoice invoice = find(client, number);
		Invoice voided = this.intake.voidInvoice(invoice.billingAccountId(), number, client.actor());
		return json(voided, this.accounts.externalId(client, invoice.billingAccountId()).orElseThrow());
	}

	private Invoice find(ApiClient client, String number) {
		return this.invoices.findInAccounts(number, List.copyOf(this.accounts.accounts(client).keySet()))
			.orElseThrow(() -> new com.billingportal.portal.NotFoundException("Invoice"));
	}

	private InvoiceJson json(Invoice invoice, String account) {
		// Each payment's refunded is this invoice's part of it (one statement with the payments).
		List<PaymentJson> payments = this.payments.partsOf(invoice)
			.stream()
			.map((p) -> PaymentJson.of(p.payment(), invoice.number(), account,
					Money.of(p.refunded(), p.payment().amount().currencyCode())))
			.toList();
		return InvoiceJson.of(invoice, account, this.invoices.today(), this.invoices.lines(invoice), payments);
	}

	private static IssueInvoice request(long accountId, InvoiceBody body) {
		Currency currency = AccountsApiController.currency("currency", body.currency());
		if (body.periodEnd().isBefore(body.periodStart())) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "periodEnd", "must not be before periodStart");
		}
		if (body.dueDate().isBefore(body.invoiceDate())) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "dueDate", "must not be before invoiceDate");
		}
		BigDecimal tax = Amounts.money("tax", body.tax(), currency);
		if (tax.signum() < 0) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "tax", "must not be negative");
		}
		List<InvoiceIntake.Line> lines = new java.util.ArrayList<>();
		BigDecimal total = tax;
		for (int i = 0; i < body.lines().size(); i++) {
			InvoiceIntake.Line line = line("lines[" + i + "]", body.lines().get(i), currency);
			lines.add(line);
			total = total.add(line.amount());
		}
		if (total.signum() <= 0) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "lines", "the amount due must be more than zero");
		}
		return new IssueInvoice(body.number(), accountId, body.billingProfileId(),
				new InvoiceDates(body.invoiceDate(), body.periodStart(), body.periodEnd(), body.dueDate()),
				currency.getCurrencyCode(), tax, List.copyOf(lines));
	}

	private static InvoiceIntake.Line line(String field, LineBody body, Currency currency) {
		BigDecimal quantity = new BigDecimal(body.quantity());
		BigDecimal unitPrice = new BigDecimal(body.unitPrice());
		BigDecimal amount = Amounts.money(field + ".amount", body.amount(), currency);
		BigDecimal expected = quantity.multiply(unitPrice)
			.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
		if (expected.compareTo(amount) != 0) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, field + ".amount",
					"must be quantity × unitPrice rounded to the currency's minor units: " + expected.toPlainString());
		}
		return new InvoiceIntake.Line(body.service(), body.description(), quantity, body.unit(), unitPrice, amount);
	}

}
