package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.Money;

/**
 * The one answer to "can these invoices be paid together now, by this user?": one billing profile,
 * one currency, each invoice payable now as {@link Payability} says, and their total within the
 * card limit (the limit applies to the total, not to each invoice). The invoices are held in the
 * order their rows are locked: by id.
 *
 * @param invoices the invoices, by id
 * @param total what one charge for all of them comes to; null when the selection is refused before adding up
 * @param refusalKey why they cannot be paid together (a message key), null when they can
 * @param refusedInvoice the invoice the refusal names (paid, being paid, not payable), or null
 * @param cardLimit the card limit in the selection's currency, for the message above it
 */
public record InvoiceSelection(List<Invoice> invoices, Money total, String refusalKey, String refusedInvoice,
		Money cardLimit) {

	/** The most invoices one payment pays (and one page of the list shows at most ten). */
	public static final int MAX_INVOICES = 50;

	static InvoiceSelection of(List<Invoice> chosen, LocalDate today, BigDecimal cardLimit, AccountAccess access) {
		List<Invoice> invoices = chosen.stream().sorted(Comparator.comparing(Invoice::id)).toList();
		if (invoices.isEmpty()) {
			return refused(invoices, "paySelected.refused.none", null);
		}
		if (invoices.size() > MAX_INVOICES) {
			return refused(invoices, "paySelected.refused.tooMany", null);
		}
		if (invoices.stream().map(Invoice::billingProfileId).distinct().count() > 1) {
			return refused(invoices, "paySelected.refused.mixedProfiles", null);
		}
		String currency = invoices.get(0).amountDue().currencyCode();
		if (invoices.stream().anyMatch((i) -> !i.amountDue().currencyCode().equals(currency))) {
			return refused(invoices, "paySelected.refused.mixedCurrencies", null);
		}
		Money total = Money.zero(invoices.get(0).amountDue().currency());
		for (Invoice invoice : invoices) {
			// Each invoice as if alone within the limit: the limit is the total's, checked below.
			Payability payability = Payability.of(invoice.status(today), invoice.balanceDue(), true, access)
				.requireAllowed();
			if (!payability.isPayNow()) {
				return refused(invoices, payability.messageKey(), invoice.number());
			}
			total = total.plus(invoice.balanceDue());
		}
		Money limit = Money.of(cardLimit, currency);
		if (!Invoice.isWithinCardLimit(total.amount(), cardLimit)) {
			return new InvoiceSelection(invoices, total, "paySelected.refused.aboveCardLimit", null, limit);
		}
		return new InvoiceSelection(invoices, total, null, null, limit);
	}

	private static InvoiceSelection refused(List<Invoice> invoices, String key, String invoiceNumber) {
		return new InvoiceSelection(invoices, null, key, invoiceNumber, null);
	}

	public boolean isPayable() {
		return this.refusalKey == null;
	}

	public List<Long> ids() {
		return this.invoices.stream().map(Invoice::id).toList();
	}

	public List<String> numbers() {
		return this.invoices.stream().map(Invoice::number).toList();
	}

}
