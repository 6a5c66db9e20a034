package com.billingportal.payment;

import java.time.Instant;
import java.util.List;

import com.billingportal.portal.ListPage;
import com.billingportal.portal.ListProperties;
import com.billingportal.portal.Pages;
import com.billingportal.portal.QueryConditions;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Pageable;

/**
 * Only the filters the user chose become conditions ({@link QueryConditions}), as JPQL text so that
 * Hibernate finds each combination's plan in its cache instead of building and translating a
 * Criteria query on every request.
 * <p>
 * Newest first, ordered as the newest-first index (migration V9) holds the rows, account
 * included, so that a page is read from the index instead of sorting all of the account's rows.
 * The total is counted only up to a bound ({@link Pages#counted}), in the same order.
 */
class PaymentRowsImpl implements PaymentRows {

	private static final String ROWS = """
			select new com.billingportal.payment.PaymentRow(p.reference, p.createdAt, i.number, p.amount, p.currency,
			c.brand, c.lastFour, p.status, p.failureReason, p.declineCode, p.requiresAction, p.amountRefunded)
			from Payment p join Invoice i on i.id = p.invoiceId join CreditCard c on c.id = p.cardId""";

	private static final String ORDER = " order by p.billingAccountId desc, p.createdAt desc, p.id desc";

	private final EntityManager entityManager;

	private final ListProperties lists;

	PaymentRowsImpl(EntityManager entityManager, ListProperties lists) {
		this.entityManager = entityManager;
		this.lists = lists;
	}

	@Override
	public ListPage<PaymentRow> findRows(long accountId, PaymentStatus status, Instant since, Pageable pageable) {
		QueryConditions where = new QueryConditions().and("p.billingAccountId = :account", "account", accountId)
			.andIfPresent("p.status = :status", "status", status)
			.andIfPresent("p.createdAt >= :since", "since", since);
		List<PaymentRow> rows = where.bind(this.entityManager.createQuery(ROWS + where + ORDER, PaymentRow.class))
			.setFirstResult(Math.toIntExact(pageable.getOffset()))
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		return Pages.counted(rows, pageable, this.lists.countLimit(),
				Pages.count(this.entityManager, "p.id", "from Payment p" + where + ORDER, where));
	}

}
