package com.billingportal.payment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.money.MoneyFormat;
import com.billingportal.portal.DateFormat;
import com.billingportal.portal.PortalPdf;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A succeeded payment's receipt as a PDF, in the reader's language. */
@Component
public class ReceiptPdf {

	private final MessageSource messages;

	private final MoneyFormat money;

	private final DateFormat dates;

	ReceiptPdf(MessageSource messages, MoneyFormat money, DateFormat dates) {
		this.messages = messages;
		this.money = money;
		this.dates = dates;
	}

	public byte[] render(Receipt receipt, Locale locale) {
		return PortalPdf.render(text(locale, "receipt.title"), locale.toLanguageTag(), (pdf) -> {
			pdf.title(text(locale, "receipt.title"), receipt.accountName());
			if (receipt.invoicePaid()) {
				pdf.stamp(text(locale, "invoice.status.PAID"));
			}
			pdf.facts(facts(receipt, locale));
			if (receipt.payment().refundState() != null) {
				pdf.paragraph(refundNote(receipt.payment(), locale));
			}
			if (receipt.paysSeveral()) {
				pdf.heading(text(locale, "receipt.invoices"));
				pdf.table(List.of(text(locale, "invoices.col.id"), text(locale, "receipt.invoiceAmount"),
						text(locale, "invoices.col.status")), new float[] { 3, 2, 2 },
						receipt.invoices()
							.stream()
							.map((i) -> List.of(i.number(), this.money.format(i.amount(), locale),
									text(locale, i.status().messageKey())))
							.toList(),
						List.of(1), Map.of(text(locale, "receipt.amount"), this.money.format(receipt.payment().amount(), locale)));
			}
			if (receipt.invoicePaid()) {
				pdf.paragraph(paidNote(receipt, locale));
			}
		});
	}

	/** "Applied to invoice X, which is paid", or to each of the invoices, which are all paid. */
	public String paidNote(Receipt receipt, Locale locale) {
		return receipt.paysSeveral()
				? this.messages.getMessage("receipt.paidNote.several",
						new Object[] { receipt.invoices().size(), String.join(", ", invoiceNumbers(receipt)) }, locale)
				: this.messages.getMessage("receipt.paidNote", new Object[] { receipt.invoiceNumber() }, locale);
	}

	/** "Refunded ($106.00)" or "Partially refunded ($6.00)": what refunds gave back of the payment. */
	public String refundNote(Payment payment, Locale locale) {
		return this.messages.getMessage(payment.refundState().messageKey(),
				new Object[] { this.money.format(payment.refunded(), locale) }, locale);
	}

	private static List<String> invoiceNumbers(Receipt receipt) {
		return receipt.invoices().stream().map(Receipt.PaidInvoice::number).toList();
	}

	/** What the receipt page and its PDF show, label by label. */
	public Map<String, String> facts(Receipt receipt, Locale locale) {
		Payment payment = receipt.payment();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put(text(locale, "receipt.paymentId"), payment.reference());
		facts.put(text(locale, "receipt.date"), this.dates.dateTime(payment.updatedAt(), locale));
		facts.put(text(locale, "receipt.amount"), this.money.format(payment.amount(), locale));
		facts.put(text(locale, "receipt.status"), text(locale, payment.status().messageKey()));
		facts.put(text(locale, receipt.paysSeveral() ? "receipt.invoices" : "receipt.invoice"),
				String.join(", ", receipt.invoices()
					.stream()
					.map((i) -> i.number() + " (" + text(locale, i.status().messageKey()) + ")")
					.toList()));
		facts.put(text(locale, "receipt.card"), this.messages.getMessage("receipt.cardEnding",
				new Object[] { receipt.card().brand().displayName(), receipt.card().lastFour() }, locale));
		facts.put(text(locale, "receipt.account"), receipt.accountName() + " (" + receipt.accountId() + ")");
		facts.put(text(locale, "receipt.payer"), (receipt.payer() != null)
				? receipt.payer().displayName() + " <" + receipt.payer().email() + ">" : "—");
		if (payment.gatewayReference() != null) {
			facts.put(text(locale, "receipt.gatewayReference"), payment.gatewayReference());
		}
		return facts;
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}

}
