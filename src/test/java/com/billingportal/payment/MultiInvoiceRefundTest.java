package com.billingportal.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.billingportal.money.Money;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refunds of a payment of several invoices (Pay selected): the refund goes to the invoice the
 * request names, or to the payment's invoices from the last allocation backwards, never more to an
 * invoice than it received from this payment; each invoice with a balance again is payable again.
 * Runs on H2 and, with -Dtest.db=postgres, on PostgreSQL.
 */
@PortalTest
class MultiInvoiceRefundTest {

	static final String DEMO_KEY = "bp_demo_contoso_erp_public_demo_key_2026";

	@Autowired
	PaymentService payments;

	@Autowired
	RefundService refunds;

	@Autowired
	DemoData demo;

	@Autowired
	MockMvc mvc;

	/** Three new invoices of 106.00 each, paid together: their numbers in the order of their ids. */
	private List<String> paidTogether() {
		List<String> numbers = List.of(this.demo.newDueInvoice(), this.demo.newDueInvoice(), this.demo.newDueInvoice());
		Payment payment = this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), numbers,
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		return numbers;
	}

	private String paymentOf(String number) {
		return this.demo.jdbc().queryForObject("""
				select p.payment_ref from payment p join payment_allocation a on a.payment_id = p.id
				join invoice i on i.id = a.invoice_id where i.invoice_number = ? and p.status = 'SUCCEEDED'""",
				String.class, number);
	}

	private BigDecimal paid(String number) {
		return this.demo.jdbc().queryForObject("select amount_paid from invoice where invoice_number = ?",
				BigDecimal.class, number);
	}

	private BigDecimal allocationRefunded(String number) {
		return this.demo.jdbc().queryForObject("""
				select a.amount_refunded from payment_allocation a join invoice i on i.id = a.invoice_id
				join payment p on p.id = a.payment_id where i.invoice_number = ? and p.status = 'SUCCEEDED'""",
				BigDecimal.class, number);
	}

	private ResultActions api(String payment, String key, String body) throws Exception {
		return this.mvc.perform(post("/api/v1/payments/" + payment + "/refunds").header("Authorization", "Bearer " + DEMO_KEY)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void withoutAnInvoiceTheRefundGoesToTheLastInvoicesFirstAndEachIsPayableAgain() {
		List<String> n = paidTogether();
		String payment = paymentOf(n.get(0));

		this.refunds.refund(this.demo.contoso(), payment, Money.of("150.00", "USD"), "multi-1", null, this.demo.admin());

		// The last allocation (the third invoice) gets all it paid, the second the rest; the first none.
		assertThat(paid(n.get(2))).isEqualByComparingTo("0.00");
		assertThat(paid(n.get(1))).isEqualByComparingTo("62.00");
		assertThat(paid(n.get(0))).isEqualByComparingTo("106.00");
		assertThat(allocationRefunded(n.get(2))).isEqualByComparingTo("106.00");
		assertThat(allocationRefunded(n.get(1))).isEqualByComparingTo("44.00");
		assertThat(allocationRefunded(n.get(0))).isEqualByComparingTo("0.00");
		assertThat(this.demo.invoiceStatus(n.get(2))).isEqualTo("DUE");
		assertThat(this.demo.invoiceStatus(n.get(1))).isEqualTo("DUE");
		assertThat(this.demo.invoiceStatus(n.get(0))).isEqualTo("PAID");
		// Both are payable again, for their balances; the first stays paid.
		Payment second = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), n.get(1),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(second.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(second.amount()).isEqualTo(Money.of("44.00", "USD"));
		Payment third = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), n.get(2),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(third.amount()).isEqualTo(Money.of("106.00", "USD"));
		assertThat(n).allSatisfy((number) -> assertThat(this.demo.invoiceStatus(number)).isEqualTo("PAID"));
		// What is left of the first payment is the first invoice's 106.00 and the second's 62.00.
		assertThat(this.refunds.refund(this.demo.contoso(), payment, null, "multi-2", null, this.demo.admin())
			.refund()
			.amount()).isEqualTo(Money.of("168.00", "USD"));
		assertThat(paid(n.get(0))).isEqualByComparingTo("0.00");
		assertThat(paid(n.get(1))).isEqualByComparingTo("44.00");
		assertThat(paid(n.get(2))).isEqualByComparingTo("106.00");
	}

	@Test
	void theApisInvoiceShowsWhatWasRefundedOfItsOwnPartOfAPaymentOfSeveralInvoices() throws Exception {
		List<String> n = paidTogether();
		String payment = paymentOf(n.get(0));

		this.refunds.refund(this.demo.contoso(), payment, Money.of("150.00", "USD"), "multi-api", null, this.demo.admin());

		List<String> expected = List.of("0.00", "44.00", "106.00");
		for (int i = 0; i < n.size(); i++) {
			this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/invoices/" + n.get(i))
				.header("Authorization", "Bearer " + DEMO_KEY))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.payments[0].id").value(payment))
				.andExpect(jsonPath("$.payments[0].amount").value("318.00"))
				.andExpect(jsonPath("$.payments[0].refunded").value(expected.get(i)));
		}
	}

	@Test
	void aRefundNamingAnInvoiceGoesToItOnlyAndNeverBeyondWhatItReceived() throws Exception {
		List<String> n = paidTogether();
		String payment = paymentOf(n.get(0));

		api(payment, "named-0001", "{\"amount\":\"106.01\",\"invoiceNumber\":\"" + n.get(0) + "\"}")
			.andExpect(status().isConflict());
		api(payment, "named-0002", "{\"amount\":\"50.00\",\"invoiceNumber\":\"" + n.get(0) + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.invoices[0].invoice").value(n.get(0)))
			.andExpect(jsonPath("$.invoices[0].amount").value("50.00"));
		assertThat(paid(n.get(0))).isEqualByComparingTo("56.00");
		assertThat(paid(n.get(2))).isEqualByComparingTo("106.00");
		assertThat(this.demo.invoiceStatus(n.get(0))).isEqualTo("DUE");
		// Without an amount: all that is left of that invoice.
		api(payment, "named-0003", "{\"invoiceNumber\":\"" + n.get(0) + "\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value("56.00"));
		api(payment, "named-0004", "{\"invoiceNumber\":\"" + n.get(0) + "\"}").andExpect(status().isConflict());
		// An invoice this payment did not pay.
		String other = this.demo.newDueInvoice();
		api(payment, "named-0005", "{\"invoiceNumber\":\"" + other + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("invoiceNumber"));
		// The rest of the payment, by the rule: the third invoice, then the second.
		api(payment, "named-0006", "{\"amount\":\"150.00\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.invoices.length()").value(2));
		assertThat(paid(n.get(2))).isEqualByComparingTo("0.00");
		assertThat(paid(n.get(1))).isEqualByComparingTo("62.00");
		assertThat(paid(n.get(0))).isEqualByComparingTo("0.00");
	}

	@Test
	void tenConcurrentRefundsOfAPaymentOfSeveralInvoicesNeverExceedWhatEachReceived() throws Exception {
		List<String> n = paidTogether();
		String payment = paymentOf(n.get(0));
		// 3 x 106.00 = 318.00 paid; the payment's row lock serialises the refunds of 40.00:
		// 7 x 40.00 = 280.00 fit, an eighth (320.00) does not, so exactly 7 succeed and 3 are refused.
		ExecutorService pool = Executors.newFixedThreadPool(10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = "multi-concurrent-" + i;
			results.add(pool.submit(() -> {
				start.await();
				try {
					Refund refund = this.refunds.refund(this.demo.contoso(), payment, Money.of("40.00", "USD"), key, null,
							this.demo.admin()).refund();
					assertThat(refund.status()).isEqualTo(Refund.Status.SUCCEEDED);
					return true;
				}
				catch (RefundService.RefundRefused refused) {
					assertThat(refused.field()).isEqualTo("amount");
					assertThat(refused.getMessage()).startsWith("At most ").endsWith(" of this payment can be refunded");
					return false;
				}
			}));
		}
		start.countDown();
		int succeeded = 0;
		int refused = 0;
		for (Future<Boolean> result : results) {
			// Any other exception (or a refund that did not succeed) fails the test here.
			if (result.get()) {
				succeeded++;
			}
			else {
				refused++;
			}
		}
		pool.shutdown();
		var jdbc = this.demo.jdbc();
		BigDecimal refunded = jdbc.queryForObject("select amount_refunded from payment where payment_ref = ?",
				BigDecimal.class, payment);
		BigDecimal atProcessor = jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from sandbox_refund where charge_key = ? and status = 'SUCCEEDED'",
				BigDecimal.class, payment);
		assertThat(succeeded).isEqualTo(7);
		assertThat(refused).isEqualTo(3);
		assertThat(refunded).isEqualByComparingTo(atProcessor).isEqualByComparingTo("280.00");
		BigDecimal perInvoice = BigDecimal.ZERO;
		for (String number : n) {
			assertThat(allocationRefunded(number)).isBetween(BigDecimal.ZERO, new BigDecimal("106.00"));
			assertThat(paid(number)).isEqualByComparingTo(new BigDecimal("106.00").subtract(allocationRefunded(number)));
			perInvoice = perInvoice.add(allocationRefunded(number));
		}
		assertThat(perInvoice).isEqualByComparingTo(refunded);
		// The rest, and nothing more.
		assertThat(this.refunds.refund(this.demo.contoso(), payment, null, "multi-rest", null, this.demo.admin())
			.refund()
			.amount()).isEqualTo(Money.of(new BigDecimal("318.00").subtract(refunded), "USD"));
		assertThat(n).allSatisfy((number) -> assertThat(paid(number)).isEqualByComparingTo("0.00"));
	}

}
