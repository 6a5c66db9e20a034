package com.billingportal.payment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.billingportal.account.AccountAccess;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceDetailContributor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The invoice detail page's "Payments" section: every attempt on the invoice, newest first, with
 * the card it was charged to. The cards are read in one query, however many attempts there were.
 */
@Component
class InvoicePayments implements InvoiceDetailContributor {

	private final PaymentService payments;

	private final CardService cards;

	InvoicePayments(PaymentService payments, CardService cards) {
		this.payments = payments;
		this.cards = cards;
	}

	@Override
	public void contribute(AccountAccess access, Invoice invoice, Model model) {
		model.addAttribute("payments", attempts(invoice));
	}

	List<Attempt> attempts(Invoice invoice) {
		List<Payment> all = this.payments.paymentsOf(invoice);
		Map<Long, CreditCard> cardsById = this.cards
			.cardsById(all.stream().map(Payment::cardId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(CreditCard::id, Function.identity()));
		return all.stream().map((p) -> new Attempt(p, cardsById.get(p.cardId()))).toList();
	}

	/** One payment attempt and the card it was made with (kept in history even once removed). */
	public record Attempt(Payment payment, CreditCard card) {

		public boolean hasReceipt() {
			return this.payment.status() == PaymentStatus.SUCCEEDED;
		}

		/** The most specific explanation of a failure the bundles have: decline code, else reason. */
		public String reasonKey() {
			if (this.payment.status() != PaymentStatus.FAILED) {
				return null;
			}
			return (this.payment.failureReason() != null) ? this.payment.failureReason().messageKey()
					: FailureReason.OTHER.messageKey();
		}

	}

}
