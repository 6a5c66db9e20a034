package com.billingportal.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;

/**
 * Spring Data's reading of a query, made when first needed, is made once per query and one at a
 * time in the portal: eight threads that need queries for the first time at once (the email
 * threads after the first payments) read them one after the other, so that the parser's first,
 * costly readings never run side by side (docs/performance.md: the heap grew by 300 to 400 MB and kept it).
 */
class QueriesParsedWhenUsedTest {

	private static final int THREADS = 8;

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	private final SlowReadings readings = new SlowReadings();

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void differentQueriesAreReadOneAtATime() throws Exception {
		QueriesParsedWhenUsed selector = new QueriesParsedWhenUsed(this.readings);
		List<QueryEnhancer> enhancers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			enhancers.add(enhancer(selector, "select e from EmailMessage e where e.id = :id" + i));
		}

		askAtOnce(enhancers);

		assertThat(this.readings.made).as("readings made").hasValue(THREADS);
		assertThat(this.readings.mostAtOnce).as("readings at the same time").hasValue(1);
	}

	@Test
	void oneQueryIsReadOnceHoweverManyThreadsAsk() throws Exception {
		QueriesParsedWhenUsed selector = new QueriesParsedWhenUsed(this.readings);
		QueryEnhancer claim = enhancer(selector, "update EmailMessage e set e.leaseUntil = :until where e.id = :id");

		askAtOnce(List.of(claim, claim, claim, claim, claim, claim, claim, claim));

		assertThat(this.readings.made).as("readings made").hasValue(1);
	}

	@Test
	void theAnswersAreSpringDatasOwn() {
		QueriesParsedWhenUsed selector = new QueriesParsedWhenUsed();
		QueryEnhancer access = enhancer(selector, """
				select new com.billingportal.account.AccountAccess(a.id, a.name, a.agreementType, r.role, false)
				from BillingAccount a join RoleAssignment r on r.billingAccountId = a.id where r.userId = :userId""");
		QueryEnhancer claim = enhancer(selector, "update EmailMessage e set e.leaseUntil = :until where e.id = :id");

		assertThat(access.hasConstructorExpression()).isTrue();
		assertThat(access.detectAlias()).isEqualTo("a");
		assertThat(access.isSelectQuery()).isTrue();
		assertThat(claim.hasConstructorExpression()).isFalse();
		assertThat(claim.isSelectQuery()).isFalse();
	}

	private static QueryEnhancer enhancer(QueriesParsedWhenUsed selector, String jpql) {
		DeclaredQuery query = DeclaredQuery.jpqlQuery(jpql);
		return selector.select(query).create(query);
	}

	/** Every thread asks its enhancer whether its query has a constructor expression, all at once. */
	private void askAtOnce(List<QueryEnhancer> enhancers) throws Exception {
		CountDownLatch ready = new CountDownLatch(enhancers.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> answers = new ArrayList<>();
		for (QueryEnhancer enhancer : enhancers) {
			answers.add(this.threads.submit(() -> {
				ready.countDown();
				go.await();
				return enhancer.hasConstructorExpression();
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		for (Future<Boolean> answer : answers) {
			assertThat(answer.get(30, TimeUnit.SECONDS)).isFalse();
		}
	}

	/** Spring Data's HQL readings, each taking a while, counted as they are made and side by side. */
	private static final class SlowReadings implements QueryEnhancerSelector {

		final AtomicInteger made = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		private final AtomicInteger now = new AtomicInteger();

		@Override
		public QueryEnhancerFactory select(DeclaredQuery query) {
			QueryEnhancerFactory hql = QueryEnhancerFactories.hql();
			return new QueryEnhancerFactory() {

				@Override
				public boolean supports(DeclaredQuery declared) {
					return hql.supports(declared);
				}

				@Override
				public QueryEnhancer create(QueryProvider provider) {
					made.incrementAndGet();
					mostAtOnce.accumulateAndGet(now.incrementAndGet(), Math::max);
					try {
						Thread.sleep(100);
						return hql.create(provider);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(e);
					}
					finally {
						now.decrementAndGet();
					}
				}

			};
		}

	}

}
