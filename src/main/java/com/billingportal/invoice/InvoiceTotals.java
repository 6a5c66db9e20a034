package com.billingportal.invoice;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's balance due and charges by month, kept with the account (tables
 * {@code invoice_balance} and {@code monthly_charges}, migration V18) so that reading them costs the
 * same at 100 or 100,000 invoices (issue 11).
 * <p>
 * Every insert, update or delete of an {@link Invoice} through JPA moves the totals by the
 * difference between what the invoice counted before and after, in the same flush, on the same
 * connection, so in the same transaction: a rollback takes both back. Each total is one row changed
 * by one atomic statement ({@code amount = amount + change}, or the row created with the change): two
 * transactions paying different invoices of one account queue up on that row and neither change is
 * lost; two creating the same new row (a first invoice in a new month or currency) do not fail
 * either (PostgreSQL: {@code insert ... on conflict do update}; H2: {@code merge}, asked again once
 * when the other transaction's row appeared meanwhile). The balance's row is always changed before
 * the month's, so two transactions never wait for each other's rows in opposite order.
 * <p>
 * Writers that bypass JPA (plain SQL: bulk loads, demo data, test fixtures) must call
 * {@link #rebuild(long)} afterwards. Hibernate's bulk JPQL updates of invoices bypass it too: those
 * that exist only set the announcement columns, which count in no total.
 * <p>
 * Nothing needs to inject this bean for it to work: its constructor registers the listener. It is
 * therefore never lazy, even where lazy initialization is switched on for the rest of the context:
 * totals not kept would be wrong totals, silently.
 */
@Component
@Lazy(false)
public class InvoiceTotals {

	/*
	 * These sums are written three times: here, in migration V18 (the first fill) and in
	 * bench/Generate.java (which runs without the portal's classes). A change here changes all three.
	 */

	/** The sum of an account's balance due, per currency, as the overview read it before V18. */
	private static final String BALANCE_SUMS = """
			select billing_account_id, currency, sum(amount_due - amount_paid), count(*) from invoice
			where billing_account_id = :account and status in ('DUE', 'PROCESSING')
			group by billing_account_id, currency""";

	/** The charges of an account, per currency and month (Void aside), as the overview read them before V18. */
	private static final String MONTH_SUMS = """
			select billing_account_id, currency, cast(date_trunc('month', cast(invoice_date as timestamp)) as date),
			       sum(amount_due), count(*) from invoice
			where billing_account_id = :account and status <> 'VOID'
			group by billing_account_id, currency, cast(date_trunc('month', cast(invoice_date as timestamp)) as date)""";

	private final EntityManager entityManager;

	InvoiceTotals(EntityManagerFactory factory, EntityManager entityManager) {
		this.entityManager = entityManager;
		SessionFactoryImplementor sessions = factory.unwrap(SessionFactoryImplementor.class);
		Listener listener = new Listener(Upserts.of(sessions.getJdbcServices().getDialect()));
		EventListenerRegistry registry = sessions.getEventListenerRegistry();
		registry.appendListeners(EventType.POST_INSERT, listener);
		registry.appendListeners(EventType.POST_UPDATE, listener);
		registry.appendListeners(EventType.POST_DELETE, listener);
	}

	/**
	 * Sets the account's totals to the sums of its invoices, for writers that bypassed JPA. Not meant
	 * to run while the account's invoices change.
	 */
	@Transactional
	public void rebuild(long accountId) {
		for (String sql : List.of("delete from invoice_balance where billing_account_id = :account",
				"insert into invoice_balance (billing_account_id, currency, amount, invoices) " + BALANCE_SUMS,
				"delete from monthly_charges where billing_account_id = :account",
				"insert into monthly_charges (billing_account_id, currency, month_start, amount, invoices) "
						+ MONTH_SUMS)) {
			this.entityManager.createNativeQuery(sql).setParameter("account", accountId).executeUpdate();
		}
	}

	/** What one invoice counts in the totals at one moment. */
	record Counted(long accountId, String currency, LocalDate invoiceDate, InvoiceStatus status,
			BigDecimal amountDue, BigDecimal amountPaid) {

		boolean isOpen() {
			return this.status == InvoiceStatus.DUE || this.status == InvoiceStatus.PROCESSING;
		}

		boolean isCharged() {
			return this.status != InvoiceStatus.VOID;
		}

		/**
		 * The changes of the totals that turn {@code before} into {@code after} (either null: not
		 * there), the balance's first, none that changes nothing.
		 */
		static Map<Total, Change> changes(Counted before, Counted after) {
			Map<Total, Change> changes = new LinkedHashMap<>();
			for (int sign : new int[] { -1, 1 }) {
				Counted c = (sign < 0) ? before : after;
				if (c != null && c.isOpen()) {
					changes.merge(new Total(c.accountId, c.currency, null),
							new Change(c.amountDue.subtract(c.amountPaid), 1).times(sign), Change::plus);
				}
			}
			for (int sign : new int[] { -1, 1 }) {
				Counted c = (sign < 0) ? before : after;
				if (c != null && c.isCharged()) {
					changes.merge(new Total(c.accountId, c.currency, c.invoiceDate.withDayOfMonth(1)),
							new Change(c.amountDue, 1).times(sign), Change::plus);
				}
			}
			changes.values().removeIf(Change::isNone);
			return changes;
		}

	}

	/** A row of invoice_balance (month null) or of monthly_charges. */
	record Total(long accountId, String currency, LocalDate month) {
	}

	record Change(BigDecimal amount, int invoices) {

		Change times(int sign) {
			return (sign < 0) ? new Change(this.amount.negate(), -this.invoices) : this;
		}

		Change plus(Change other) {
			return new Change(this.amount.add(other.amount), this.invoices + other.invoices);
		}

		boolean isNone() {
			return this.amount.signum() == 0 && this.invoices == 0;
		}

	}

	/** Applies an invoice's changes in the flush that writes it. */
	private static final class Listener
			implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

		private final Upserts upserts;

		Listener(Upserts upserts) {
			this.upserts = upserts;
		}

		@Override
		public void onPostInsert(PostInsertEvent event) {
			if (event.getEntity() instanceof Invoice) {
				apply(event.getSession(), null, counted(event.getPersister(), event.getState()));
			}
		}

		@Override
		public void onPostUpdate(PostUpdateEvent event) {
			if (event.getEntity() instanceof Invoice) {
				if (event.getOldState() == null) {
					// Never the case for an invoice read in the same session, which is how the portal changes them.
					throw new IllegalStateException("Invoice " + event.getId() + " updated without its earlier state");
				}
				apply(event.getSession(), counted(event.getPersister(), event.getOldState()),
						counted(event.getPersister(), event.getState()));
			}
		}

		@Override
		public void onPostDelete(PostDeleteEvent event) {
			if (event.getEntity() instanceof Invoice) {
				apply(event.getSession(), counted(event.getPersister(), event.getDeletedState()), null);
			}
		}

		private void apply(SharedSessionContractImplementor session, Counted before, Counted after) {
			Map<Total, Change> changes = Counted.changes(before, after);
			if (!changes.isEmpty()) {
				session.doWork((connection) -> {
					for (Map.Entry<Total, Change> e : changes.entrySet()) {
						this.upserts.add(connection, e.getKey(), e.getValue());
					}
				});
			}
		}

		private static Counted counted(EntityPersister persister, Object[] state) {
			List<String> names = Arrays.asList(persister.getPropertyNames());
			return new Counted((Long) state[names.indexOf("billingAccountId")],
					(String) state[names.indexOf("currency")], (LocalDate) state[names.indexOf("invoiceDate")],
					(InvoiceStatus) state[names.indexOf("status")], (BigDecimal) state[names.indexOf("amountDue")],
					(BigDecimal) state[names.indexOf("amountPaid")]);
		}

		@Override
		public boolean requiresPostCommitHandling(EntityPersister persister) {
			return false;
		}

	}

	/** "Add this change to the row, creating it if need be" in one statement of the database's dialect. */
	private record Upserts(String balance, String month, boolean retryOnDuplicate) {

		static final List<String> BALANCE_KEY = List.of("billing_account_id", "currency");

		static final List<String> MONTH_KEY = List.of("billing_account_id", "currency", "month_start");

		static Upserts of(Dialect dialect) {
			if (dialect instanceof PostgreSQLDialect) {
				return new Upserts(postgres("invoice_balance", BALANCE_KEY), postgres("monthly_charges", MONTH_KEY),
						false);
			}
			if (dialect instanceof H2Dialect) {
				return new Upserts(h2("invoice_balance", BALANCE_KEY), h2("monthly_charges", MONTH_KEY), true);
			}
			throw new IllegalStateException("The invoice totals are kept on H2 and PostgreSQL only, not " + dialect);
		}

		private static String postgres(String table, List<String> key) {
			return "insert into " + table + " as t (" + String.join(", ", key) + ", amount, invoices) values ("
					+ "?, ".repeat(key.size()) + "?, ?) on conflict (" + String.join(", ", key)
					+ ") do update set amount = t.amount + excluded.amount, invoices = t.invoices + excluded.invoices";
		}

		private static String h2(String table, List<String> key) {
			List<String> types = List.of("bigint", "varchar(3)", "date");
			StringBuilder values = new StringBuilder();
			StringBuilder on = new StringBuilder();
			for (int i = 0; i < key.size(); i++) {
				values.append("cast(? as ").append(types.get(i)).append("), ");
				on.append((i == 0) ? "" : " and ").append("t.").append(key.get(i)).append(" = s.").append(key.get(i));
			}
			String columns = String.join(", ", key) + ", amount, invoices";
			return "merge into " + table + " t using (values (" + values
					+ "cast(? as numeric(19, 4)), cast(? as integer))) s (" + columns + ") on " + on
					+ " when matched then update set amount = t.amount + s.amount, invoices = t.invoices + s.invoices"
					+ " when not matched then insert (" + columns + ") values (s."
					+ String.join(", s.", columns.split(", ")) + ")";
		}

		void add(Connection connection, Total total, Change change) throws SQLException {
			try {
				run(connection, total, change);
			}
			catch (SQLException ex) {
				// H2: another transaction created the row after this statement looked, and committed.
				if (!this.retryOnDuplicate || !"23505".equals(ex.getSQLState())) {
					throw ex;
				}
				run(connection, total, change);
			}
		}

		private void run(Connection connection, Total total, Change change) throws SQLException {
			String sql = (total.month() == null) ? this.balance : this.month;
			try (PreparedStatement s = connection.prepareStatement(sql)) {
				int i = 1;
				s.setLong(i++, total.accountId());
				s.setString(i++, total.currency());
				if (total.month() != null) {
					s.setObject(i++, total.month());
				}
				s.setBigDecimal(i++, change.amount());
				s.setInt(i, change.invoices());
				s.executeUpdate();
			}
		}

	}

}
