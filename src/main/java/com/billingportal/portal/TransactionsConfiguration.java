package com.billingportal.portal;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Transaction synchronization only inside actual transactions, for the whole application. Spring's
 * default also gives it to the empty scope of {@code Propagation.NOT_SUPPORTED} and
 * {@code SUPPORTS} without a transaction. The email and webhook listeners run in such a scope so
 * that each step commits on its own, and there a query method of a repository interface
 * ({@code EmailMessageRepository.findIdsByEventId}) or a {@code JdbcTemplate} statement
 * ({@code WebhookEndpoints.targetsFor}) bound its connection to the thread until the listener
 * returned: through the wait for a mail server or a webhook receiver, and while each transaction of
 * the listener took a second connection. With eight listener threads and a pool of ten, the pages
 * and payments waited for connections ({@code SilentMailServerTest},
 * {@code SilentWebhookReceiverTest}; docs/performance.md). Now each statement outside a transaction
 * takes a connection and gives it back at once, as on a request thread.
 * <p>
 * What code outside a transaction gives up (a listener's body, a {@code SUPPORTS} method called
 * without one): entities come back detached, so a lazy association read later throws
 * {@code LazyInitializationException}; two reads share no persistence context; and
 * {@code TransactionSynchronizationManager.registerSynchronization} throws. Read what belongs
 * together in a transaction of its own ({@code notification.PaymentLetters}).
 */
@Configuration(proxyBeanMethods = false)
class TransactionsConfiguration {

	@Bean
	TransactionManagerCustomizer<AbstractPlatformTransactionManager> synchronizationOnActualTransaction() {
		return new TransactionManagerCustomizer<>() {

			@Override
			public void customize(AbstractPlatformTransactionManager transactionManager) {
				transactionManager
					.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
			}

		};
	}

}
