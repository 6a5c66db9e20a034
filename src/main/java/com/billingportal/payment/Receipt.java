package com.billingportal.payment;

import java.util.List;

import com.billingportal.card.CreditCard;
import com.billingportal.invoice.InvoiceStatus;
import com.billingportal.money.Money;
import com.billingportal.user.UserService.UserSummary;

/**
 * The receipt of a succeeded payment: what was paid, when, with which card, by whom, for which
 * invoices of which billing account. A payment of several invoices has one receipt listing each.
 */
public record Receipt(Payment payment, List<PaidInvoice> invoices, CreditCard card, long accountId,
		String accountName, UserSummary payer) {

	/** The first invoice (by id); the only one of a payment of one invoice. */
	public String invoiceNumber() {
		return this.invoices.get(0).number();
	}

	public InvoiceStatus invoiceStatus() {
		return this.invoices.get(0).status();
	}

	public boolean paysSeveral() {
		return this.invoices.size() > 1;
	}

	/** Every invoice the payment pays is now Paid. */
	public boolean invoicePaid() {
		return this.invoices.stream().allMatch((i) -> i.status() == InvoiceStatus.PAID);
	}

	/** One invoice the payment pays, the amount paid to it, and its status now. */
	public record PaidInvoice(String number, Money amount, InvoiceStatus status) {
	}

}
