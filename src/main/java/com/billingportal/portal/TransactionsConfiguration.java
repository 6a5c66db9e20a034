package com.billingportal.portal;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Transaction synchronization only inside actual transactions. Spring's default also gives it to
 * the empty scope of {@code Propagation.NOT_SUPPORTED} and {@code SUPPORTS}: the event listeners
 * (emails, webhooks, automatic payment) run in such a scope, and there the first plain JDBC
 * statement or repository call bound its connection to the thread until the listener returned,
 * through the wait for a mail server or a webhook receiver. Now each statement outside a transaction
 * takes a connection of the pool and gives it back at once, as on a request thread, and the pool
 * the pages and payments share is never held by a listener waiting for the network.
 */
@Configuration(proxyBeanMethods = false)
class TransactionsConfiguration {

	@Bean
	static TransactionManagerCustomizer<AbstractPlatformTransactionManager> synchronizationOnActualTransaction() {
		return new TransactionManagerCustomizer<>() {

			@Override
			public void customize(AbstractPlatformTransactionManager transactionManager) {
				transactionManager
					.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
			}

		};
	}

}
