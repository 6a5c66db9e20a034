package com.billingportal.payment;

import com.billingportal.invoice.InvoiceSelection;
import com.billingportal.invoice.Payability;

/**
 * The attempt was refused before any money moved, for a reason the payer is told in the page:
 * the invoice's {@link Payability} when that is why, or a problem with the card or the form.
 */
public class PaymentRefusedException extends RuntimeException {

	private final Payability payability;

	private final String messageKey;

	private final String invoiceNumber;

	private PaymentRefusedException(Payability payability, String messageKey) {
		this(payability, messageKey, null);
	}

	private PaymentRefusedException(Payability payability, String messageKey, String invoiceNumber) {
		super(messageKey);
		this.payability = payability;
		this.messageKey = messageKey;
		this.invoiceNumber = invoiceNumber;
	}

	/**
	 * For a payment of several invoices, the one that stood in the way (paid, being paid, not
	 * payable); null when the refusal names none.
	 */
	public String invoiceNumber() {
		return this.invoiceNumber;
	}

	public String messageKey() {
		return this.messageKey;
	}

	/** Why the invoice cannot be paid now; null when the invoice could be, but not like this. */
	public Payability payability() {
		return this.payability;
	}

	/**
	 * True when nothing the payer changes in the blade can help: the invoice is paid, being paid or
	 * void. Above the card limit the blade stays, to say so beside the invoice.
	 */
	public boolean closesBlade() {
		return this.payability != null && !this.payability.isWireOnly();
	}

	static PaymentRefusedException because(Payability payability, String invoiceNumber) {
		return new PaymentRefusedException(payability, payability.messageKey(), invoiceNumber);
	}

	/** The invoices cannot be paid together now; see {@link InvoiceSelection}. */
	static PaymentRefusedException because(InvoiceSelection selection) {
		return new PaymentRefusedException(null, selection.refusalKey(), selection.refusedInvoice());
	}

	/** The part typed cannot be paid: see {@link com.billingportal.invoice.PartPayment}. */
	static PaymentRefusedException part(String messageKey) {
		return new PaymentRefusedException(null, messageKey);
	}

	static PaymentRefusedException cardExpired() {
		return new PaymentRefusedException(null, "pay.refused.cardExpired");
	}

	static PaymentRefusedException staleForm() {
		return new PaymentRefusedException(null, "pay.refused.staleForm");
	}

}
