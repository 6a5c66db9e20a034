package com.billingportal.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Data's parse of a query, made when first needed, is made once per query and one at a
 * time in the portal: eight threads that need queries for the first time at once (the email
 * threads after the first payments) parse them one after the other, so that the parser's first,
 * costly parses never run side by side (docs/performance.md: the heap grew by 300 to 400 MB).
 */
class QueriesParsedWhenUsedTest {

	private static final int THREADS = 8;

	/** The email claim's update, shortened (EmailMessageRepository#claim). */
	private static final String CLAIM = "update EmailMessage e set e.leaseUntil = :until where e.id = :id";

	private static final String ACCESS = """
			select new com.billingportal.account.AccountAccess(a.id, a.name, a.agreementType, r.role, false)
			from BillingAccount a join RoleAssignment r on r.billingAccountId = a.id where r.userId = :userId""";

	private final SlowParses parses = new SlowParses();

	@Test
	void queriesOfDifferentRepositoriesAreParsedOneAtATime() throws Exception {
		List<QueryEnhancer> enhancers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			// Spring Data makes a selector for each repository.
			String jpql = "select e from EmailMessage e where e.id = :id" + i;
			enhancers.add(enhancer(new QueriesParsedWhenUsed(this.parses), jpql));
		}

		List<Boolean> constructorExpressions = askAtOnce(enhancers);

		assertThat(constructorExpressions).containsOnly(false);
		assertThat(this.parses.made).as("parses made").hasValue(THREADS);
		assertThat(this.parses.mostAtOnce).as("parses at the same time").hasValue(1);
	}

	@Test
	void aQueryIsParsedOnceHoweverManyThreadsAsk() throws Exception {
		QueryEnhancer claim = enhancer(new QueriesParsedWhenUsed(this.parses), CLAIM);

		List<Boolean> constructorExpressions = askAtOnce(Collections.nCopies(THREADS, claim));

		assertThat(constructorExpressions).containsOnly(false);
		assertThat(this.parses.made).as("parses made").hasValue(1);
	}

	@Test
	void theAnswersAreSpringDatasOwn() {
		QueriesParsedWhenUsed selector = new QueriesParsedWhenUsed();
		for (String jpql : List.of(ACCESS, CLAIM)) {
			QueryEnhancer parsedWhenUsed = enhancer(selector, jpql);
			QueryEnhancer springs = QueryEnhancerFactories.hql().create(DeclaredQuery.jpqlQuery(jpql));

			assertThat(parsedWhenUsed.hasConstructorExpression()).isEqualTo(springs.hasConstructorExpression());
			assertThat(parsedWhenUsed.isSelectQuery()).isEqualTo(springs.isSelectQuery());
			assertThat(parsedWhenUsed.detectAlias()).isEqualTo(springs.detectAlias());
			assertThat(parsedWhenUsed.getQuery().getQueryString()).isEqualTo(jpql);
		}
		assertThat(enhancer(selector, ACCESS).hasConstructorExpression()).isTrue();
	}

	private static QueryEnhancer enhancer(QueriesParsedWhenUsed selector, String jpql) {
		DeclaredQuery query = DeclaredQuery.jpqlQuery(jpql);
		return selector.select(query).create(query);
	}

	/** Each enhancer asked, by a thread of its own and all at once, whether its query has a constructor expression. */
	private static List<Boolean> askAtOnce(List<QueryEnhancer> enhancers) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(enhancers.size());
		try {
			CountDownLatch ready = new CountDownLatch(enhancers.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Boolean>> answers = new ArrayList<>();
			for (QueryEnhancer enhancer : enhancers) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return enhancer.hasConstructorExpression();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Boolean> constructorExpressions = new ArrayList<>();
			for (Future<Boolean> answer : answers) {
				constructorExpressions.add(answer.get(30, TimeUnit.SECONDS));
			}
			return constructorExpressions;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Spring Data's HQL parses, each taking a while, counted as they are made and side by side. */
	private static final class SlowParses implements QueryEnhancerSelector {

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
