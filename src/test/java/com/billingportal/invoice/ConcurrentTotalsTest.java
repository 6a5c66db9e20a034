package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's kept totals under concurrent writers (issue 11): payments of different invoices of
 * one account at once lose none of their changes of the balance, and invoices issued at once into a
 * month that has no row yet all succeed and all count. Runs on H2 and, with -Dtest.db=postgres, on
 * PostgreSQL, where each writer is its own transaction on its own connection.
 */
@PortalTest
class ConcurrentTotalsTest {

	/**
	 * Writers at once. In a PortalTest the events' listeners run on the writer's thread right after
	 * its commit, each on a second connection: four writers need at most eight of the pool's ten.
	 */
	static final int WRITERS = 4;

	@Autowired
	InvoiceIntake intake;

	@Autowired
	PaymentService payments;

	@Autowired
	DemoData demo;

	BigDecimal balance() {
		return this.demo.jdbc()
			.queryForObject("select amount from invoice_balance where billing_account_id = ? and currency = 'USD'",
					BigDecimal.class, this.demo.contoso());
	}

	<T> List<T> atOnce(List<Callable<T>> writers) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(writers.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> running = new ArrayList<>();
		try {
			for (Callable<T> writer : writers) {
				running.add(pool.submit(() -> {
					start.await();
					return writer.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> r : running) {
				results.add(r.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void paymentsOfDifferentInvoicesAtOnceLoseNoChangeOfTheBalance() throws Exception {
		List<String> invoices = new ArrayList<>();
		for (int i = 0; i < WRITERS; i++) {
			invoices.add(InvoiceTotalsTest.issue(this.intake, this.demo, LocalDate.now(), "100.00"));
		}
		BigDecimal before = balance();
		List<Callable<Payment>> writers = new ArrayList<>();
		for (String invoice : invoices) {
			writers.add(() -> this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice,
					UUID.randomUUID().toString(), this.demo.visa(), null));
		}
		assertThat(atOnce(writers)).allSatisfy((p) -> assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED));

		BigDecimal paid = new BigDecimal("106.00").multiply(BigDecimal.valueOf(WRITERS));
		assertThat(balance()).isEqualByComparingTo(before.subtract(paid));
		InvoiceTotalsTest.assertTotalsAreTheSums(this.demo.jdbc(), "payments at once");
	}

	@Test
	void invoicesIssuedAtOnceIntoANewMonthAllCount() throws Exception {
		LocalDate newMonth = LocalDate.now().minusYears(7).withDayOfMonth(10);
		assertThat(this.demo.jdbc()
			.queryForObject("select count(*) from monthly_charges where billing_account_id = ? and month_start = ?",
					Integer.class, this.demo.contoso(), java.sql.Date.valueOf(newMonth.withDayOfMonth(1))))
			.isZero();
		List<Callable<String>> writers = new ArrayList<>();
		for (int i = 0; i < WRITERS; i++) {
			writers.add(() -> InvoiceTotalsTest.issue(this.intake, this.demo, newMonth, "10.00"));
		}
		assertThat(atOnce(writers)).hasSize(WRITERS);

		assertThat(this.demo.jdbc()
			.queryForObject("select invoices from monthly_charges where billing_account_id = ? and month_start = ?",
					Integer.class, this.demo.contoso(), java.sql.Date.valueOf(newMonth.withDayOfMonth(1))))
			.isEqualTo(WRITERS);
		InvoiceTotalsTest.assertTotalsAreTheSums(this.demo.jdbc(), "invoices issued at once");
	}

}
