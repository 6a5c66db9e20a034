package com.billingportal.support;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's plan of a query, in lower case, for tests that a periodic query is answered
 * through an index rather than by reading a table whose rows only ever grow. On PostgreSQL, whose
 * planner reads a test's small table whole anyway, sequential scans are switched off for the
 * question: the index must be able to serve it.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	/** The plan of {@code sql}, its named parameters ({@code :name}) bound to {@code values} in order. */
	public static String explain(JdbcTemplate jdbc, PlatformTransactionManager transactions, String sql,
			Object... values) {
		String explained = "explain " + sql.replaceAll(":[a-zA-Z]+", "?");
		return new TransactionTemplate(transactions).execute((tx) -> {
			if (TestDatabase.postgres()) {
				jdbc.execute("set local enable_seqscan = off");
			}
			List<String> lines = jdbc.queryForList(explained, String.class, values);
			return String.join("\n", lines).toLowerCase(Locale.ROOT);
		});
	}

}
