package com.billingportal.payment;

import java.util.LinkedHashMap;
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
			if (receipt.invoicePaid()) {
				pdf.paragraph(this.messages.getMessage("receipt.paidNote", new Object[] { receipt.invoiceNumber() },
						locale));
			}
		});
	}

	/** What the receipt page and its PDF show, label by label. */
	public Map<String, String> facts(Receipt receipt, Locale locale) {
		Payment payment = receipt.payment();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put(text(locale, "receipt.paymentId"), payment.reference());
		facts.put(text(locale, "receipt.date"), this.dates.dateTime(payment.updatedAt(), locale));
		facts.put(text(locale, "receipt.amount"), this.money.format(payment.amount(), locale));
		facts.put(text(locale, "receipt.status"), text(locale, payment.status().messageKey()));
		facts.put(text(locale, "receipt.invoice"),
				receipt.invoiceNumber() + " (" + text(locale, receipt.invoiceStatus().messageKey()) + ")");
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
