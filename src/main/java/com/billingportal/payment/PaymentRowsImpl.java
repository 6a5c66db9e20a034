package com.billingportal.payment;

import java.time.Instant;
import java.util.List;

import com.billingportal.portal.GenericPlans;
import com.billingportal.portal.ListPage;
import com.billingportal.portal.ListProperties;
import com.billingportal.portal.Pages;
import com.billingportal.portal.QueryConditions;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Pageable;

/**
 * Only the filters the user chose become conditions ({@link QueryConditions}), as JPQL text so that
 * Hibernate finds each combination's plan in its cache instead of building and translating a
 * Criteria query on every request.
 * <p>
 * Newest first, ordered as the newest-first index (migration V9) holds the rows, account
 * included, so that a page is read from the index instead of sorting all of the account's rows.
 * A page is read in two steps ({@link Pages#idsFirst}): the ids of its rows from the index, then
 * those rows with their invoices and cards. The total is counted only up to a bound
 * ({@link Pages#counted}), in the same order.
 */
class PaymentRowsImpl implements PaymentRows {

	/**
	 * A page's rows (alias {@code o}), whose ids {@link #page} finds first in a subquery (alias
	 * {@code p}, the alias the conditions are written with).
	 */
	private static final String ROWS = """
			select new com.billingportal.payment.PaymentRow(o.reference, o.createdAt, i.number, o.amount, o.currency,
			c.brand, c.lastFour, o.status, o.failureReason, o.declineCode, o.requiresAction, o.amountRefunded)
			from Payment o join Invoice i on i.id = o.invoiceId join CreditCard c on c.id = o.cardId
			where o.id in (%s)""" + newestFirst("o");

	private static final String ORDER = newestFirst("p");

	private final EntityManager entityManager;

	private final ListProperties lists;

	private final GenericPlans genericPlans;

	PaymentRowsImpl(EntityManager entityManager, ListProperties lists, GenericPlans genericPlans) {
		this.entityManager = entityManager;
		this.lists = lists;
		this.genericPlans = genericPlans;
	}

	@Override
	public ListPage<PaymentRow> findRows(long accountId, PaymentStatus status, Instant since, Pageable pageable) {
		QueryConditions where = new QueryConditions().and("p.billingAccountId = :account", "account", accountId)
			.andIfPresent("p.status = :status", "status", status)
			.andIfPresent("p.createdAt >= :since", "since", since);
		if (status == null) {
			// Not with a status: a generic plan, blind to how few payments have the one chosen, walks the
			// newest-first index past all of the others (21 ms for the one Failed payment among 48,000);
			// for a rare status a custom plan reads ix_payment_status (V1) and sorts the few.
			// The page and the count below are the statements checked with generic plans (GenericPlans):
			// the page's row limit written into it, the count's order the index's. PaymentQueries.page
			// reads the page's state changes and invoices after them in the same transaction.
			this.genericPlans.forThisTransaction();
		}
		List<PaymentRow> rows = page(where, pageable).getResultList();
		return Pages.counted(rows, pageable, this.lists.countLimit(),
				Pages.count(this.entityManager, "p.id", "from Payment p" + where + ORDER, where));
	}

	/** The page's rows, their ids found first ({@link Pages#idsFirst}). */
	private TypedQuery<PaymentRow> page(QueryConditions where, Pageable pageable) {
		return Pages.idsFirst(this.entityManager, ROWS, "select p.id from Payment p" + where + ORDER, PaymentRow.class,
				where, pageable);
	}

	/** The newest-first index's order (V9). */
	private static String newestFirst(String alias) {
		return " order by %1$s.billingAccountId desc, %1$s.createdAt desc, %1$s.id desc".formatted(alias);
	}

}
