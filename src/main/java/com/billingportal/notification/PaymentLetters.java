package com.billingportal.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.account.AccountAccess;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.MoneyFormat;
import com.billingportal.payment.FailureReason;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentFailed;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.payment.PaymentSucceeded;
import com.billingportal.payment.Receipt;
import com.billingportal.payment.ReceiptPdf;
import com.billingportal.payment.ReceiptService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment receipt (to the payer and the profile's recipients, the receipt PDF attached) and
 * the payment failed email (to the billing account admin, the reason in the words the Pay now
 * blade uses and what to check before trying again).
 * <p>
 * What a letter shows is read in one read-only transaction: one connection from the pool and one
 * begin and commit for its six to nine questions, not one for each (their services' own
 * transactions join it). This is for cost, not consistency: at read committed a transaction is not
 * one snapshot either ({@link com.billingportal.invoice.InvoiceDocuments}). A template rather than
 * {@code @Transactional}, so that the PDFs are written after the reads, holding no connection.
 */
@Component
class PaymentLetters {

	private final ReceiptService receipts;

	private final ReceiptPdf receiptPdf;

	private final PaymentQueries payments;

	private final InvoiceService invoices;

	private final CardService cards;

	private final Recipients recipients;

	private final Texts texts;

	private final MoneyFormat money;

	private final NotificationProperties properties;

	private final TransactionTemplate tx;

	PaymentLetters(ReceiptService receipts, ReceiptPdf receiptPdf, PaymentQueries payments, InvoiceService invoices,
			CardService cards, Recipients recipients, Texts texts, MoneyFormat money,
			NotificationProperties properties, PlatformTransactionManager transactionManager) {
		this.receipts = receipts;
		this.receiptPdf = receiptPdf;
		this.payments = payments;
		this.invoices = invoices;
		this.cards = cards;
		this.recipients = recipients;
		this.texts = texts;
		this.money = money;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactionManager);
		this.tx.setReadOnly(true);
	}

	Emails receipt(PaymentSucceeded event) {
		ReceiptContent read = this.tx.execute((status) -> {
			AccountAccess admin = this.recipients.adminAccess(event.accountId());
			Receipt receipt = this.receipts.receipt(admin, event.reference());
			Invoice invoice = this.invoices.invoice(event.accountId(), receipt.invoiceNumber());
			List<String> to = new ArrayList<>();
			to.add(this.recipients.userAddress(event.payerUserId()));
			to.addAll(this.recipients.profileRecipients(event.accountId(), invoice.billingProfileId()));
			return new ReceiptContent(receipt, this.recipients.of(to));
		});
		Receipt receipt = read.receipt();
		String link = this.properties.link("/billing/accounts/" + event.accountId() + "/payments/"
				+ event.reference() + "/receipt");
		List<Letter> letters = read.to().stream().map((r) -> {
			Locale l = r.locale();
			String amount = this.money.format(receipt.payment().amount(), l);
			return new Letter(r.address(), l, this.texts.get(l, "email.receipt.subject", receipt.invoiceNumber()),
					this.texts.get(l, "email.receipt.heading"),
					List.of(this.texts.get(l, "email.receipt.body", amount, receipt.invoiceNumber())),
					this.receiptPdf.facts(receipt, l), this.texts.get(l, "email.receipt.action"), link, List.of(),
					List.of(new Letter.Attachment("receipt-" + event.reference() + ".pdf",
							this.receiptPdf.render(receipt, l))));
		}).toList();
		return new Emails(event.accountId(), EmailKind.PAYMENT_RECEIPT, receipt.invoiceNumber(), letters);
	}

	Emails failed(PaymentFailed event) {
		FailedContent read = this.tx.execute((status) -> {
			AccountAccess admin = this.recipients.adminAccess(event.accountId());
			Payment payment = this.payments.payment(admin, event.reference());
			return new FailedContent(payment, numbersOf(event.accountId(), payment),
					this.cards.cardOf(event.accountId(), payment.cardId()),
					this.recipients.of(List.of(this.recipients.adminAddress(event.accountId()))));
		});
		Payment payment = read.payment();
		List<String> numbers = read.numbers();
		boolean several = numbers.size() > 1;
		String number = String.join(", ", numbers);
		CreditCard card = read.card();
		String invoicesPath = "/billing/accounts/" + event.accountId() + "/invoices";
		String link = this.properties.link(several ? invoicesPath : invoicesPath + "/" + number + "/pay");
		List<Letter> letters = read.to()
			.stream()
			.map((r) -> {
				Locale l = r.locale();
				Map<String, String> facts = new LinkedHashMap<>();
				facts.put(this.texts.get(l, "receipt.invoice"), number);
				facts.put(this.texts.get(l, "receipt.amount"), this.money.format(payment.amount(), l));
				facts.put(this.texts.get(l, "receipt.card"), this.texts.get(l, "receipt.cardEnding",
						card.brand().displayName(), card.lastFour()));
				facts.put(this.texts.get(l, "payments.col.reason"), reason(event, l));
				return new Letter(r.address(), l,
						this.texts.get(l, several ? "email.failed.subject.several" : "email.failed.subject", number),
						this.texts.get(l, "email.failed.heading"),
						List.of(this.texts.get(l, several ? "paySelected.failed.nothingCharged" : "pay.failed.nothingCharged"),
								this.texts.get(l, "pay.declined.checks")),
						facts, this.texts.get(l, "email.failed.action"), link, steps(event, payment, l), List.of());
			})
			.toList();
		// The outbox's "about" column holds 100 characters: the first invoice stands for the payment.
		return new Emails(event.accountId(), EmailKind.PAYMENT_FAILED, numbers.get(0), letters);
	}

	/** The numbers of the invoices the payment tried to pay, in invoice id order: one, or several. */
	private List<String> numbersOf(long accountId, Payment payment) {
		List<Long> ids = this.payments.invoiceIdsOf(payment);
		if (ids.isEmpty()) {
			return List.of(this.invoices.numberOf(accountId, payment.invoiceId()));
		}
		Map<Long, String> numbers = this.invoices.numbersOf(ids);
		return ids.stream().map(numbers::get).toList();
	}

	/** The decline in the blade's words when the bank gave a code the portal knows, else the reason. */
	private String reason(PaymentFailed event, Locale locale) {
		String decline = (event.declineCode() != null)
				? this.texts.orNull(locale, "payment.decline." + event.declineCode()) : null;
		FailureReason reason = (event.reason() != null) ? event.reason() : FailureReason.OTHER;
		return (decline != null) ? decline : this.texts.get(locale, reason.messageKey());
	}

	/** What to check before trying again, as the blade lists it after a decline. */
	private List<String> steps(PaymentFailed event, Payment payment, Locale l) {
		return List.of(this.texts.get(l, "pay.declined.check.international"),
				this.texts.get(l, "pay.declined.check.prepaid"),
				this.texts.get(l, "pay.declined.check.limit", this.money.format(payment.amount(), l)),
				this.texts.get(l, "pay.declined.check.bank"));
	}

	/** What a receipt shows, and to whom in which language. */
	private record ReceiptContent(Receipt receipt, List<Recipient> to) {
	}

	/** What a payment failed email shows, and to whom in which language. */
	private record FailedContent(Payment payment, List<String> numbers, CreditCard card, List<Recipient> to) {
	}

}
