package com.billingportal.payment;

import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.card.CardService;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.portal.NotFoundException;
import com.billingportal.user.UserService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receipts exist for succeeded payments only; any other reference is "not found". */
@Service
@Transactional(readOnly = true)
public class ReceiptService {

	private final PaymentQueries payments;

	private final InvoiceService invoices;

	private final CardService cards;

	private final UserService users;

	ReceiptService(PaymentQueries payments, InvoiceService invoices, CardService cards, UserService users) {
		this.payments = payments;
		this.invoices = invoices;
		this.cards = cards;
		this.users = users;
	}

	public Receipt receipt(AccountAccess access, String reference) {
		Payment payment = this.payments.payment(access, reference);
		if (payment.status() != PaymentStatus.SUCCEEDED) {
			throw new NotFoundException("Receipt");
		}
		Invoice invoice = this.invoices.invoice(access.accountId(),
				this.invoices.numberOf(access.accountId(), payment.invoiceId()));
		return new Receipt(payment, invoice.number(), invoice.status(this.invoices.today()),
				this.cards.cardsById(List.of(payment.cardId())).get(0), access.accountId(), access.accountName(),
				this.users.summaries(List.of(payment.actorUserId())).get(payment.actorUserId()));
	}

}
