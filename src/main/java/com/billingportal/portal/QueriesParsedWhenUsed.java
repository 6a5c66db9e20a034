package com.billingportal.portal;

import java.util.function.Supplier;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring Data's own reading of a repository's {@code @Query} (its alias, projection, a count query
 * or an added sort) is done the first time a query needs it, not for every query at start-up: most
 * never need it, and parsing the portal's queries with Spring Data's HQL grammar was a tenth of
 * start-up (docs/performance.md). Hibernate still checks every query when the portal starts, so a
 * broken query still stops it, and {@code QueriesParseTest} has Spring Data parse each one. The
 * parse itself is Spring Data's, unchanged.
 * <p>
 * Each query is parsed once, and first parses are made <strong>one at a time in the whole
 * portal</strong>. Spring Data's parser learns its grammar in caches the whole JVM shares; until it
 * has, a parse allocates up to some 200 MB. Parsed side by side just after a start (the eight email
 * threads after the first payments), the first queries grew the heap by 300 to 400 MB for good
 * (docs/performance.md). A thread that needs a parse waits for those queued before it: on a new
 * portal up to about a second each, as before but one after the other; later, once the parser
 * has learnt, milliseconds. The waiting thread may hold a pooled connection meanwhile (the email
 * claim is parsed in its transaction), as it did while the parses ran side by side.
 */
public final class QueriesParsedWhenUsed implements QueryEnhancerSelector {

	/**
	 * Held by every first parse. Static: Spring Data makes a selector for each repository, and the
	 * parser's caches are the JVM's.
	 */
	private static final Object FIRST_PARSES = new Object();

	private final QueryEnhancerSelector selector;

	public QueriesParsedWhenUsed() {
		this(DEFAULT_SELECTOR);
	}

	/** Parses with the factories another selector chooses (tests count the parses). */
	QueriesParsedWhenUsed(QueryEnhancerSelector selector) {
		this.selector = selector;
	}

	@Override
	public QueryEnhancerFactory select(DeclaredQuery query) {
		QueryEnhancerFactory factory = this.selector.select(query);
		return new QueryEnhancerFactory() {

			@Override
			public boolean supports(DeclaredQuery declared) {
				return factory.supports(declared);
			}

			@Override
			public QueryEnhancer create(QueryProvider provider) {
				return new ParsedWhenUsed(provider, SingletonSupplier.of(() -> parseAlone(factory, provider)));
			}

		};
	}

	private static QueryEnhancer parseAlone(QueryEnhancerFactory factory, QueryProvider provider) {
		synchronized (FIRST_PARSES) {
			return factory.create(provider);
		}
	}

	private record ParsedWhenUsed(QueryProvider provider, Supplier<QueryEnhancer> parsed) implements QueryEnhancer {

		@Override
		public boolean isSelectQuery() {
			return parsed.get().isSelectQuery();
		}

		@Override
		public boolean hasConstructorExpression() {
			return parsed.get().hasConstructorExpression();
		}

		@Override
		public String detectAlias() {
			return parsed.get().detectAlias();
		}

		@Override
		public String getProjection() {
			return parsed.get().getProjection();
		}

		@Override
		public QueryProvider getQuery() {
			return provider;
		}

		@Override
		public String rewrite(QueryRewriteInformation rewriteInformation) {
			return parsed.get().rewrite(rewriteInformation);
		}

		@Override
		public String createCountQueryFor(String countProjection) {
			return parsed.get().createCountQueryFor(countProjection);
		}

	}

}
