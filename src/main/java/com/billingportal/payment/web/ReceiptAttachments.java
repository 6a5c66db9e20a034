package com.billingportal.payment.web;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceAttachments;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.payment.ReceiptPdf;
import com.billingportal.payment.ReceiptService;

import org.springframework.stereotype.Component;

/** The receipt PDF of each succeeded payment of an invoice, for a download of several invoices. */
@Component
class ReceiptAttachments implements InvoiceAttachments {

	private final PaymentQueries payments;

	private final ReceiptService receipts;

	private final ReceiptPdf pdf;

	ReceiptAttachments(PaymentQueries payments, ReceiptService receipts, ReceiptPdf pdf) {
		this.payments = payments;
		this.receipts = receipts;
		this.pdf = pdf;
	}

	@Override
	public List<Attachment> attachments(AccountAccess access, Invoice invoice, Locale locale) {
		return this.payments.paymentsOf(invoice)
			.stream()
			.filter((p) -> p.status() == PaymentStatus.SUCCEEDED)
			.map((p) -> new Attachment("Receipt-" + p.reference() + ".pdf",
					this.pdf.render(this.receipts.receipt(access, p.reference()), locale)))
			.toList();
	}

}
