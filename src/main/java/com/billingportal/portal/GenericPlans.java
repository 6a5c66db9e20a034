package com.billingportal.portal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells PostgreSQL to run the lists' statements (Invoices; Payments) with the plan it made once for
 * each, instead of planning them again at every execution.
 * <p>
 * PostgreSQL plans a prepared statement for the values bound at each execution ("custom" plan) until
 * it judges its one plan for any values ("generic" plan) no dearer. A page's statement has an offset
 * bound to it, which the generic plan does not know: it assumes a tenth of the account's rows are
 * skipped. With 100 invoices that costs nearly nothing, and the generic plan is taken; with 100,000 it
 * is judged dearer, and every execution plans the statement again, 0.2–0.5 ms of the server's time,
 * several times what executing it takes (docs/performance.md). The generic plans of the lists'
 * statements are the same index walks as the custom ones; forcing them makes a list cost the same
 * at any size. The invoices' status is bound, which elsewhere leaves a generic plan blind to how few
 * rows match ({@code docs/architecture.md}); there the index of one status's rows (V20) holds them in
 * the list's order, so every plan walks it whatever the status. The payments' status has no such
 * index (its own index needs a sort), so a Payments list with a status keeps custom plans.
 * <p>
 * {@code SET LOCAL} holds until the end of the transaction, so only the statements of the read that
 * asks for it are affected; outside a transaction it would not hold at all, and is refused (on H2 too,
 * so that a misplaced call fails in every test). On H2, which plans a statement once when it is
 * prepared, it sends nothing.
 */
@Component
public class GenericPlans {

	private static final String SQL = "set local plan_cache_mode = force_generic_plan";

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	GenericPlans(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.postgres = "PostgreSQL"
			.equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
	}

	/**
	 * On PostgreSQL, the rest of the current transaction's statements run with their generic plans.
	 * Only for statements whose generic plan is known to be as good as any custom one, checked with
	 * {@code EXPLAIN ANALYZE} under {@code plan_cache_mode = force_generic_plan} at 100 and 100,000
	 * rows and with the statistics of many accounts and profiles ({@code ALTER TABLE … SET
	 * (n_distinct = …)}): the generic plan knows no bound value, so it assumes an average account,
	 * profile or status, and a tenth of the rows for an offset or a row limit. Such a statement writes
	 * its row limit into its text, unless every plan the database could choose must walk an index in
	 * the statement's order anyway (the lists' bounded count: its order is the index's, so a plan
	 * without it must sort everything); a condition whose own index is out of that order (the
	 * invoices' billing profile, the payments' status) keeps custom plans. Each call sends one
	 * statement (a list page past the end reads twice, and sends two).
	 */
	public void forThisTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Generic plans are set for a transaction; there is none");
		}
		if (!this.postgres) {
			return;
		}
		// The transaction's connection: JPA's transaction manager hands it to JdbcTemplate too.
		this.jdbc.execute(SQL);
	}

}
