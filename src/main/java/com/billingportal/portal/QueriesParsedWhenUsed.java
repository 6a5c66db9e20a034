package com.billingportal.portal;

import java.util.function.Supplier;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;

/**
 * Spring Data's own reading of a repository's {@code @Query} (its alias, projection, a count query
 * or an added sort) is done the first time a query needs it, not for every query at start-up: most
 * never need it, and parsing the portal's queries with Spring Data's HQL grammar was a tenth of
 * start-up (docs/performance.md). Hibernate still checks every query when the portal starts, so a
 * broken query still stops it. The reading itself is Spring Data's, unchanged.
 * <p>
 * Each query is read once, and <strong>one query at a time in the whole portal</strong>. Spring
 * Data's parser learns the grammar's decisions as it goes, in tables shared by every thread, and
 * until it has learnt them a reading allocates a great deal: some 200 MB for the email claim's
 * update when it is the first, 30 MB for a plain select (Spring Data 4.0 and 4.1 alike). Under load
 * after a start the same query was first used by several threads at once (the eight email threads
 * after the first payments, the request threads on a page), each reading it in full at the same
 * time: the heap grew by 300 to 400 MB to hold their work, and kept it, as G1 gives memory back only
 * after a concurrent cycle (docs/performance.md). One at a time, the first reading teaches the
 * shared tables and the others take milliseconds; a thread waits for another query's first
 * reading, at most about a second, only while the portal is new.
 */
public final class QueriesParsedWhenUsed implements QueryEnhancerSelector {

	/** The lock every first reading takes: the parser's tables are shared by the whole JVM too. */
	private static final Object READING = new Object();

	private final QueryEnhancerSelector spring;

	public QueriesParsedWhenUsed() {
		this(DEFAULT_SELECTOR);
	}

	/** Reads queries with the factories another selector chooses (tests count their readings). */
	QueriesParsedWhenUsed(QueryEnhancerSelector spring) {
		this.spring = spring;
	}

	@Override
	public QueryEnhancerFactory select(DeclaredQuery query) {
		QueryEnhancerFactory factory = this.spring.select(query);
		return new QueryEnhancerFactory() {

			@Override
			public boolean supports(DeclaredQuery declared) {
				return factory.supports(declared);
			}

			@Override
			public QueryEnhancer create(QueryProvider provider) {
				return new ParsedWhenUsed(provider, new ReadOnce(() -> factory.create(provider)));
			}

		};
	}

	/** Spring Data's reading of one query, made by the first thread that needs it, under {@link #READING}. */
	private static final class ReadOnce {

		private final Supplier<QueryEnhancer> read;

		private volatile QueryEnhancer enhancer;

		ReadOnce(Supplier<QueryEnhancer> read) {
			this.read = read;
		}

		QueryEnhancer get() {
			QueryEnhancer read = this.enhancer;
			if (read == null) {
				synchronized (READING) {
					read = this.enhancer;
					if (read == null) {
						read = this.read.get();
						this.enhancer = read;
					}
				}
			}
			return read;
		}

	}

	private record ParsedWhenUsed(QueryProvider provider, ReadOnce parsed) implements QueryEnhancer {

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
