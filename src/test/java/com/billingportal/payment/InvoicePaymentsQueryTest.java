package com.billingportal.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.Money;
import com.billingportal.payment.InvoicePaymentsQuery.PaymentOfInvoice;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invoice's payments as its page and PDF read them, in plain SQL, read as JPA reads them
 * ({@link PaymentQueries#partsOf}, the API's read): every invoice with payments, in the same order,
 * with the same reference, card, amount, status, failure reason, creation, part and refund. Among them
 * succeeded and failed payments (with each reason, none, and two made at the same instant), refunded
 * and partly refunded ones, and one payment of three invoices refunded in part; another account's
 * invoice gives nothing.
 */
@PortalTest
class InvoicePaymentsQueryTest {

	@Autowired
	InvoicePaymentsQuery query;

	@Autowired
	PaymentQueries payments;

	@Autowired
	PaymentService pay;

	@Autowired
	RefundService refunds;

	@Autowired
	InvoiceService invoices;

	@Autowired
	DemoData demo;

	@Test
	void everyInvoicesPaymentsAsJpaReadsThemInItsOrder() {
		// Three invoices paid together, of which refunds give back the third's part and some of the second's.
		List<String> together = List.of(this.demo.newDueInvoice(), this.demo.newDueInvoice(),
				this.demo.newDueInvoice());
		Payment severalInvoices = this.pay.payInvoices(this.demo.adminAccess(), this.demo.admin(), together,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(severalInvoices.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		this.refunds.refund(this.demo.contoso(), severalInvoices.reference(), Money.of("150.00", "USD"), "query-1",
				null, this.demo.admin());
		// The second, due again for its balance, paid again: two payments on it, the newer first.
		this.pay.pay(this.demo.adminAccess(), this.demo.admin(), together.get(1), UUID.randomUUID().toString(),
				this.demo.visa(), null);
		// One invoice's payment refunded in part, another's in full.
		Payment partly = payAlone(this.demo.newDueInvoice());
		this.refunds.refund(this.demo.contoso(), partly.reference(), Money.of("6.00", "USD"), "query-2", null,
				this.demo.admin());
		Payment fully = payAlone(this.demo.newDueInvoice());
		this.refunds.refund(this.demo.contoso(), fully.reference(), null, "query-3", null, this.demo.admin());
		// Declines with each reason and without one, two of them at the same instant (then by id, newest first).
		String declined = this.demo.newDueInvoice();
		Instant instant = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
		failed(declined, "BANK_DECLINED", "insufficient_funds", instant);
		failed(declined, "INCORRECT_CARD_DETAILS", "incorrect_cvc", instant);
		failed(declined, null, null, instant.minusSeconds(60));
		failed(declined, "CARD_EXPIRED", "expired_card", instant.plusSeconds(60));

		List<Map<String, Object>> withPayments = this.demo.jdbc().queryForList("""
				select distinct a.invoice_id, i.billing_account_id from payment_allocation a
				join invoice i on i.id = a.invoice_id order by a.invoice_id""");
		assertThat(withPayments).hasSizeGreaterThan(20);
		int refunded = 0;
		int partlyRefunded = 0;
		int failedWithReason = 0;
		int failedWithout = 0;
		int shared = 0;
		for (Map<String, Object> row : withPayments) {
			long invoiceId = ((Number) DemoData.column(row, "invoice_id")).longValue();
			long accountId = ((Number) DemoData.column(row, "billing_account_id")).longValue();
			Invoice invoice = this.invoices.invoicesOf(accountId, List.of(invoiceId)).get(0);
			List<PaymentOfInvoice> expected = this.payments.partsOf(invoice)
				.stream()
				.map((p) -> new PaymentOfInvoice(p.payment().reference(), p.payment().cardId(), p.payment().amount(),
						p.payment().status(), p.payment().failureReason(), p.payment().createdAt(), p.amount(),
						Money.of(p.refunded(), p.payment().amount().currencyCode())))
				.toList();
			List<PaymentOfInvoice> read = this.query.paymentsOfInvoice(accountId, invoiceId);
			assertThat(read).as("invoice " + invoiceId).isNotEmpty().containsExactlyElementsOf(expected);
			for (PaymentOfInvoice p : read) {
				RefundState state = RefundState.of(p.refunded().amount(), p.part());
				refunded += (state == RefundState.REFUNDED) ? 1 : 0;
				partlyRefunded += (state == RefundState.PARTIALLY_REFUNDED) ? 1 : 0;
				failedWithReason += (p.status() == PaymentStatus.FAILED && p.failureReason() != null) ? 1 : 0;
				failedWithout += (p.status() == PaymentStatus.FAILED && p.failureReason() == null) ? 1 : 0;
				shared += (p.part().compareTo(p.amount().amount()) < 0) ? 1 : 0;
			}
		}
		// What the comparison covered: the kinds above, not only the demo's succeeded payments.
		assertThat(refunded).as("refunded parts").isEqualTo(2);
		assertThat(partlyRefunded).as("partly refunded parts").isEqualTo(2);
		assertThat(failedWithReason).as("failed with a reason (the demo's expired card too)").isEqualTo(4);
		assertThat(failedWithout).as("failed without a reason").isEqualTo(1);
		assertThat(shared).as("parts of a payment of several invoices").isEqualTo(3);
		assertThat(this.query.paymentsOfInvoice(this.demo.contoso(), idOf(declined))).extracting(PaymentOfInvoice::failureReason)
			.containsExactly(FailureReason.CARD_EXPIRED, FailureReason.INCORRECT_CARD_DETAILS,
					FailureReason.BANK_DECLINED, null);
		assertThat(this.query.paymentsOfInvoice(this.demo.contoso(), idOf(together.get(1))))
			.extracting(PaymentOfInvoice::reference)
			.hasSize(2)
			.endsWith(severalInvoices.reference());
	}

	@Test
	void anotherAccountsInvoiceGivesNothing() {
		long fabrikamsPaid = this.demo.jdbc().queryForObject("""
				select min(a.invoice_id) from payment_allocation a join invoice i on i.id = a.invoice_id
				where i.billing_account_id = ?""", Long.class, this.demo.fabrikam());
		assertThat(this.query.paymentsOfInvoice(this.demo.fabrikam(), fabrikamsPaid)).isNotEmpty();
		assertThat(this.query.paymentsOfInvoice(this.demo.contoso(), fabrikamsPaid)).isEmpty();
	}

	@Test
	void anInvoiceWithoutPaymentsGivesNothing() {
		assertThat(this.query.paymentsOfInvoice(this.demo.contoso(), idOf(this.demo.newDueInvoice()))).isEmpty();
	}

	private Payment payAlone(String number) {
		Payment payment = this.pay.pay(this.demo.adminAccess(), this.demo.admin(), number, UUID.randomUUID().toString(),
				this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		return payment;
	}

	/** A failed payment of the whole invoice with Contoso's Visa, with its allocation, as a decline leaves it. */
	private void failed(String number, String reason, String declineCode, Instant at) {
		long invoiceId = idOf(number);
		String reference = UUID.randomUUID().toString();
		this.demo.jdbc().update("""
				insert into payment (payment_ref, invoice_id, billing_account_id, card_id, actor_user_id, amount,
				  currency, idempotency_key, status, failure_reason, failure_message, created_at, updated_at, version)
				select ?, id, billing_account_id, ?, ?, amount_due, currency, ?, 'FAILED', ?, ?, ?, ?, 0
				from invoice where id = ?""", reference, this.demo.visa(),
				this.demo.userId(DemoData.CONTOSO_ADMIN), UUID.randomUUID().toString(), reason, declineCode,
				Timestamp.from(at), Timestamp.from(at), invoiceId);
		this.demo.jdbc().update("""
				insert into payment_allocation (payment_id, invoice_id, amount)
				select id, invoice_id, amount from payment where payment_ref = ?""", reference);
	}

	private long idOf(String number) {
		return this.demo.jdbc().queryForObject("select id from invoice where invoice_number = ?", Long.class, number);
	}
}
