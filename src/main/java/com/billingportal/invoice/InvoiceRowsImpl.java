package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.billingportal.portal.GenericPlans;
import com.billingportal.portal.ListPage;
import com.billingportal.portal.ListProperties;
import com.billingportal.portal.Pages;
import com.billingportal.portal.QueryConditions;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Pageable;

/**
 * Only the filters the user chose become conditions ({@link QueryConditions}), as JPQL text so that
 * Hibernate finds each combination's plan in its cache instead of building and translating a
 * Criteria query on every request.
 * <p>
 * Newest first, ordered as the newest-first index (migration V9) holds the rows, account
 * included, so that a page is read from the index instead of sorting all of the account's rows;
 * filtered by status, ordered as the index of one status's rows (V20) holds them, status included
 * (a query has one status, so the rows come in the same order). A page is read in two steps
 * ({@link Pages#idsFirst}): the ids of its rows from the index, then those rows. The total is
 * counted only up to a bound ({@link Pages#counted}), in the same order.
 */
class InvoiceRowsImpl implements InvoiceRows {

	/**
	 * A page's rows (alias {@code o}), whose ids {@link #page} finds first in a subquery (alias
	 * {@code i}, the alias the conditions are written with); one status's rows or all, the same order.
	 */
	private static final String ROWS = """
			select o.number, o.billingProfileId, p.name, o.invoiceDate, o.periodStart, o.periodEnd, o.dueDate,
			o.amountDue, o.amountPaid, o.currency, o.status
			from Invoice o join BillingProfile p on p.id = o.billingProfileId
			where o.id in (%s)""" + newestFirst("o", false);

	private static final String ORDER = newestFirst("i", false);

	private static final String ORDER_WITHIN_STATUS = newestFirst("i", true);

	private final EntityManager entityManager;

	private final ListProperties lists;

	private final GenericPlans genericPlans;

	InvoiceRowsImpl(EntityManager entityManager, ListProperties lists, GenericPlans genericPlans) {
		this.entityManager = entityManager;
		this.lists = lists;
		this.genericPlans = genericPlans;
	}

	@Override
	public ListPage<InvoiceRow> findRows(long accountId, InvoiceFilter filter, LocalDate today, BigDecimal cardLimit,
			Pageable pageable) {
		QueryConditions where = matching(accountId, filter, today);
		// Every status filter, Past due and Partially paid included, tests one stored status.
		String order = (filter.status() != null) ? ORDER_WITHIN_STATUS : ORDER;
		if (filter.profile() == null) {
			// Not with a profile: a generic plan, blind to how many invoices that profile has, may walk
			// the profile's index (V1) and sort all of its rows (22 ms for 100,000 where an account has
			// many profiles); a custom plan sees the profile's size.
			// The page and the count below are the statements checked with generic plans (GenericPlans):
			// the page's row limit written into it, the count's order the index's.
			this.genericPlans.forThisTransaction();
		}
		List<InvoiceRow> rows = page(where, order, pageable).getResultList()
			.stream()
			.map((t) -> new InvoiceRow(t.get(0, String.class), t.get(1, Long.class), t.get(2, String.class),
					t.get(3, LocalDate.class), t.get(4, LocalDate.class), t.get(5, LocalDate.class),
					t.get(6, LocalDate.class), t.get(7, BigDecimal.class), t.get(8, BigDecimal.class),
					t.get(9, String.class), t.get(10, InvoiceStatus.class), today, cardLimit))
			.toList();
		return Pages.counted(rows, pageable, this.lists.countLimit(),
				Pages.count(this.entityManager, "i.id", "from Invoice i" + where + order, where));
	}

	/** The newest-first index's order (V9), or that of one status's rows (V20). */
	private static String newestFirst(String alias, boolean withinStatus) {
		return " order by %1$s.billingAccountId desc,%2$s %1$s.invoiceDate desc, %1$s.id desc".formatted(alias,
				withinStatus ? " " + alias + ".status desc," : "");
	}

	/** The page's rows, their ids found first ({@link Pages#idsFirst}). */
	private TypedQuery<Tuple> page(QueryConditions where, String order, Pageable pageable) {
		return Pages.idsFirst(this.entityManager, ROWS, "select i.id from Invoice i" + where + order, Tuple.class,
				where, pageable);
	}

	/**
	 * Past due is stored as Due, nothing paid yet, with a due date before today; Due proper is not yet
	 * past its date; Partially paid is Due with part of it paid.
	 */
	private static QueryConditions matching(long accountId, InvoiceFilter filter, LocalDate today) {
		QueryConditions where = new QueryConditions().and("i.billingAccountId = :account", "account", accountId)
			.andIfPresent("i.billingProfileId = :profile", "profile", filter.profile());
		InvoiceStatus status = filter.status();
		if (status == InvoiceStatus.PAST_DUE || status == InvoiceStatus.DUE) {
			where.and("i.status = :status", "status", InvoiceStatus.DUE)
				.and("i.amountPaid = 0")
				.and((status == InvoiceStatus.DUE) ? "i.dueDate >= :today" : "i.dueDate < :today", "today", today);
		}
		else if (status == InvoiceStatus.PARTIALLY_PAID) {
			where.and("i.status = :status", "status", InvoiceStatus.DUE).and("i.amountPaid > 0");
		}
		else {
			where.andIfPresent("i.status = :status", "status", status);
		}
		return where.andIfPresent("i.invoiceDate >= :since", "since", filter.spanOrAll().since(today));
	}

}
