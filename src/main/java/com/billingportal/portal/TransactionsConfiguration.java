package com.billingportal.portal;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Transaction synchronization only inside actual transactions. Spring's default also gives it to
 * the empty scope of {@code Propagation.NOT_SUPPORTED}, which the email and webhook listeners run in
 * so that each step commits on its own. There a query method of a repository interface
 * ({@code EmailMessageRepository.findIdsByEventId}) or a {@code JdbcTemplate} statement
 * ({@code WebhookEndpoints.targetsFor}) bound its connection to the thread until the listener
 * returned: through the wait for a mail server or a webhook receiver, and while each transaction of
 * the listener took a second connection. With eight listener threads and a pool of ten, the pages
 * and payments waited for connections ({@code SilentMailServerTest},
 * {@code SilentWebhookReceiverTest}; docs/performance.md). Now each statement outside a transaction
 * takes a connection and gives it back at once, as on a request thread. What this gives up, outside
 * a transaction only: one EntityManager across several calls (nothing here relies on it: what must
 * be read together is read in a transaction) and registering a transaction synchronization.
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
