package com.billingportal.card;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.support.TestDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A payment holds its saved card against deletion, not against other payments: eight people paying
 * eight invoices with the account's default card must not queue behind one another's row lock
 * (the benchmark's pay flow did, on PostgreSQL: each payment's start waited about 120 ms for the
 * card). The card's deletion still waits for a payment that has started with it.
 */
@PortalTest
class CardHoldTest {

	@Autowired
	CardService cards;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private final CountDownLatch release = new CountDownLatch(1);

	private CompletableFuture<Void> holder;

	/** Lets the holding transaction end, and fails the test with its error if it had one. */
	@AfterEach
	void releaseTheHold() throws Exception {
		this.release.countDown();
		if (this.holder != null) {
			this.holder.get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aSecondPaymentWithTheSameCardDoesNotWaitForTheFirstOnPostgres() throws Exception {
		long account = this.demo.contoso();
		long card = this.demo.visa();
		holdInAnotherTransaction(account, card);
		if (TestDatabase.postgres()) {
			CreditCard held = inTransactionWithLockTimeout(() -> this.cards.holdCardForPayment(account, card));
			assertThat(held.id()).isEqualTo(card);
		}
		else {
			// H2 has no shared row lock: payments with one card take turns there (one node, a laptop).
			assertThatThrownBy(() -> inTransactionWithLockTimeout(() -> this.cards.holdCardForPayment(account, card)))
				.isInstanceOf(DataAccessException.class);
		}
	}

	@Test
	void theCardsDeletionWaitsForAPaymentThatHasStartedWithIt() throws Exception {
		long account = this.demo.contoso();
		long card = this.demo.visa();
		holdInAnotherTransaction(account, card);
		assertThatThrownBy(() -> inTransactionWithLockTimeout(() -> this.cards.lockCard(account, card)))
			.isInstanceOf(DataAccessException.class);
	}

	/** A payment's start transaction, holding the card until the test ends. */
	private void holdInAnotherTransaction(long account, long card) throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		this.holder = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.cards.holdCardForPayment(account, card);
			held.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		if (!held.await(10, TimeUnit.SECONDS)) {
			this.holder.get(1, TimeUnit.SECONDS);
			throw new AssertionError("the payment's transaction did not take the card within 10 s");
		}
	}

	private <T> T inTransactionWithLockTimeout(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			if (TestDatabase.postgres()) {
				this.jdbc.execute("set local lock_timeout = '700ms'");
				return work.get();
			}
			// H2's lock timeout belongs to the connection, which goes back to the pool afterwards.
			Integer before = this.jdbc.queryForObject("call lock_timeout()", Integer.class);
			this.jdbc.execute("set lock_timeout 700");
			try {
				return work.get();
			}
			finally {
				this.jdbc.execute("set lock_timeout " + before);
			}
		});
	}

}
