package com.billingportal.portal;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;
import org.springframework.data.util.Lazy;

/**
 * Spring Data's own reading of a repository's {@code @Query} (its alias, projection, a count query
 * or an added sort) is done the first time a query needs it, not for every query at start-up: most
 * never need it, and parsing the portal's queries with Spring Data's HQL grammar was a tenth of
 * start-up (docs/performance.md). Hibernate still checks every query when the portal starts, so a
 * broken query still stops it. The reading itself is Spring Data's, unchanged.
 */
public final class QueriesParsedWhenUsed implements QueryEnhancerSelector {

	@Override
	public QueryEnhancerFactory select(DeclaredQuery query) {
		QueryEnhancerFactory factory = DEFAULT_SELECTOR.select(query);
		return new QueryEnhancerFactory() {

			@Override
			public boolean supports(DeclaredQuery declared) {
				return factory.supports(declared);
			}

			@Override
			public QueryEnhancer create(QueryProvider provider) {
				return new ParsedWhenUsed(provider, Lazy.of(() -> factory.create(provider)));
			}

		};
	}

	private record ParsedWhenUsed(QueryProvider provider, Lazy<QueryEnhancer> parsed) implements QueryEnhancer {

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
