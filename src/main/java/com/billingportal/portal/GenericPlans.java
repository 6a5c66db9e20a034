package com.billingportal.portal;

import java.sql.DatabaseMetaData;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells PostgreSQL to run the list pages' statements with the plan it made once for each, instead of
 * planning them again at every execution.
 * <p>
 * PostgreSQL plans a prepared statement for the values bound at each execution ("custom" plan) until
 * it judges its one plan for any values ("generic" plan) no dearer. A page's statement has an offset
 * bound to it, which the generic plan does not know: it assumes a tenth of the account's rows are
 * skipped. With 100 invoices that costs nearly nothing, and the generic plan is taken; with 100,000 it
 * is judged dearer, and every execution plans the statement again, 0.3–0.5 ms of the server's time,
 * five times what executing it takes (docs/performance.md). The generic plans of the lists' statements
 * are the same index walks as the custom ones; forcing them makes a list cost the same at any size.
 * <p>
 * {@code SET LOCAL} holds until the end of the transaction, so only the statements of the read that
 * asks for it are affected; outside a transaction it would not hold at all, and is refused (on H2 too,
 * so that a misplaced call fails in every test). On H2, which plans a statement once when it is
 * prepared, it sends nothing.
 */
@Component
public class GenericPlans {

	private static final String SQL = "set local plan_cache_mode = force_generic_plan";

	private final boolean postgres;

	GenericPlans(DataSource dataSource) throws MetaDataAccessException {
		this.postgres = "PostgreSQL"
			.equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
	}

	/**
	 * On PostgreSQL, the rest of the current transaction's statements run with their generic plans;
	 * only for statements whose generic plan is known to be as good as any custom one (their
	 * {@code LIMIT} written into the statement, not bound: a generic plan that does not know how
	 * many rows are asked for may read all of them).
	 */
	public void forThisTransaction(EntityManager entityManager) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Generic plans are set for a transaction; there is none");
		}
		if (!this.postgres) {
			return;
		}
		entityManager.unwrap(Session.class).doWork((connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute(SQL);
			}
		});
	}

	/** Whether the database is PostgreSQL, where {@link #forThisTransaction} does something. */
	public boolean isPostgres() {
		return this.postgres;
	}

}
