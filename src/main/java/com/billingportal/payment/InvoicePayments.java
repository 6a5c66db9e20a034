package com.billingportal.payment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.billingportal.account.AccountAccess;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceDetailContributor;
import com.billingportal.invoice.InvoiceDocumentSection;
import com.billingportal.money.Money;
import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The invoice detail page's and PDF's "Payments" section: every attempt on the invoice, newest
 * first, with the card it was charged to. The attempts are one plain SQL statement
 * ({@link InvoicePaymentsQuery}); the cards are asked of the card module in one query, however many
 * attempts there were, and not at all when there were none.
 */
@Component
class InvoicePayments implements InvoiceDetailContributor {

	private final InvoicePaymentsQuery payments;

	private final CardService cards;

	private final MessageSource messages;

	private final MoneyFormat money;

	private final DateFormat dates;

	InvoicePayments(InvoicePaymentsQuery payments, CardService cards, MessageSource messages, MoneyFormat money,
			DateFormat dates) {
		this.payments = payments;
		this.cards = cards;
		this.messages = messages;
		this.money = money;
		this.dates = dates;
	}

	@Override
	public void contribute(AccountAccess access, Invoice invoice, Model model) {
		model.addAttribute("payments", attempts(invoice));
	}

	@Override
	public List<InvoiceDocumentSection> sections(AccountAccess access, Invoice invoice, Locale locale) {
		List<Attempt> attempts = attempts(invoice);
		if (attempts.isEmpty()) {
			return List.of();
		}
		List<List<String>> rows = attempts.stream()
			.map((a) -> List.of(this.dates.dateTime(a.payment().createdAt(), locale),
					this.money.format(a.payment().amount(), locale),
					(a.card() != null) ? this.messages.getMessage("receipt.cardEnding",
							new Object[] { a.card().brand().displayName(), a.card().lastFour() }, locale) : "",
					text(a.payment().status().messageKey(), locale), reasonText(a, locale)))
			.toList();
		return List.of(new InvoiceDocumentSection(text("detail.payments", locale),
				List.of(text("detail.payments.date", locale), text("invoices.col.amount", locale),
						text("detail.payments.card", locale), text("invoices.col.status", locale),
						text("detail.payments.reason", locale)),
				new float[] { 2.6f, 2, 4, 1.6f, 4.8f }, rows, List.of(1)));
	}

	/** Why a payment failed, or how much of its part of the invoice refunds gave back. */
	private String reasonText(Attempt attempt, Locale locale) {
		if (attempt.reasonKey() != null) {
			return text(attempt.reasonKey(), locale);
		}
		return (attempt.refundState() != null) ? this.messages.getMessage(attempt.refundState().messageKey(),
				new Object[] { this.money.format(attempt.refunded(), locale) }, locale) : "";
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	List<Attempt> attempts(Invoice invoice) {
		List<InvoicePaymentsQuery.PaymentOfInvoice> all = this.payments.paymentsOfInvoice(invoice.billingAccountId(),
				invoice.id());
		if (all.isEmpty()) {
			return List.of();
		}
		Map<Long, CreditCard> cardsById = this.cards
			.cardsById(invoice.billingAccountId(),
					all.stream().map(InvoicePaymentsQuery.PaymentOfInvoice::cardId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(CreditCard::id, Function.identity()));
		return all.stream().map((p) -> new Attempt(p, cardsById.get(p.cardId()))).toList();
	}

	/**
	 * One payment attempt, the card it was made with (kept in history even once removed), and what
	 * refunds gave back of what it paid to this invoice (of several invoices, this one's part only).
	 */
	public record Attempt(InvoicePaymentsQuery.PaymentOfInvoice payment, CreditCard card) {

		/** What refunds gave back of this invoice's part of the payment. */
		public Money refunded() {
			return this.payment.refunded();
		}

		/** Refunded or partially refunded, of this invoice's part; null when nothing was. */
		public RefundState refundState() {
			return RefundState.of(this.payment.refunded().amount(), this.payment.part());
		}

		public boolean hasReceipt() {
			return this.payment.status() == PaymentStatus.SUCCEEDED;
		}

		/** The explanation of a failure in the bundles' words: the failure reason. */
		public String reasonKey() {
			if (this.payment.status() != PaymentStatus.FAILED) {
				return null;
			}
			return (this.payment.failureReason() != null) ? this.payment.failureReason().messageKey()
					: FailureReason.OTHER.messageKey();
		}

	}

}
