package com.billingportal.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.billingportal.account.AccountAccess;
import com.billingportal.card.CardService;
import com.billingportal.money.Money;
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
		Map<Long, BigDecimal> amounts = this.payments.allocationsOf(payment)
			.stream()
			.collect(Collectors.toMap(PaymentAllocation::invoiceId, PaymentAllocation::amount));
		if (amounts.isEmpty()) {
			amounts = Map.of(payment.invoiceId(), payment.amount().amount());
		}
		Map<Long, BigDecimal> paid = amounts;
		List<Receipt.PaidInvoice> invoices = this.invoices.invoicesOf(access.accountId(), paid.keySet())
			.stream()
			.map((i) -> new Receipt.PaidInvoice(i.number(), Money.of(paid.get(i.id()), payment.amount().currencyCode()),
					i.status(this.invoices.today())))
			.toList();
		return new Receipt(payment, invoices,
				this.cards.cardOf(access.accountId(), payment.cardId()), access.accountId(), access.accountName(),
				this.users.summaries(List.of(payment.actorUserId())).get(payment.actorUserId()));
	}

}
