package com.billingportal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.billingportal.profile.BillingProfile;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Built with the Criteria API so that only the filters the user chose become conditions: a
 * query that tests each parameter for null ("is null or ...") for the others cannot be typed by PostgreSQL.
 * <p>
 * Newest first, ordered as the newest-first index (migration V9) holds the rows, account
 * included, so that a page is read from the index instead of sorting all of the account's rows.
 */
class InvoiceRowsImpl implements InvoiceRows {

	private final EntityManager entityManager;

	InvoiceRowsImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Page<InvoiceRow> findRows(long accountId, InvoiceFilter filter, LocalDate today, BigDecimal cardLimit,
			Pageable pageable) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<Invoice> i = query.from(Invoice.class);
		Join<Invoice, BillingProfile> p = i.join(BillingProfile.class);
		p.on(cb.equal(p.get("id"), i.get("billingProfileId")));
		query
			.multiselect(i.get("number"), i.get("billingProfileId"), p.get("name"), i.get("invoiceDate"),
					i.get("periodStart"), i.get("periodEnd"), i.get("dueDate"), i.get("amountDue"), i.get("amountPaid"),
					i.get("currency"), i.get("status"))
			.where(matching(cb, i, accountId, filter, today))
			.orderBy(cb.desc(i.get("billingAccountId")), cb.desc(i.get("invoiceDate")), cb.desc(i.get("id")));
		List<InvoiceRow> rows = this.entityManager.createQuery(query)
			.setFirstResult(Math.toIntExact(pageable.getOffset()))
			.setMaxResults(pageable.getPageSize())
			.getResultList()
			.stream()
			.map((t) -> new InvoiceRow(t.get(0, String.class), t.get(1, Long.class), t.get(2, String.class),
					t.get(3, LocalDate.class), t.get(4, LocalDate.class), t.get(5, LocalDate.class),
					t.get(6, LocalDate.class), t.get(7, BigDecimal.class), t.get(8, BigDecimal.class),
					t.get(9, String.class), t.get(10, InvoiceStatus.class), today, cardLimit))
			.toList();
		return PageableExecutionUtils.getPage(rows, pageable, () -> count(accountId, filter, today));
	}

	private long count(long accountId, InvoiceFilter filter, LocalDate today) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = cb.createQuery(Long.class);
		Root<Invoice> i = query.from(Invoice.class);
		query.select(cb.count(i)).where(matching(cb, i, accountId, filter, today));
		return this.entityManager.createQuery(query).getSingleResult();
	}

	/** Past due is stored as Due with a due date before today; Due proper is not yet past its date. */
	private static Predicate[] matching(CriteriaBuilder cb, Root<Invoice> i, long accountId, InvoiceFilter filter,
			LocalDate today) {
		List<Predicate> where = new ArrayList<>();
		where.add(cb.equal(i.get("billingAccountId"), accountId));
		if (filter.profile() != null) {
			where.add(cb.equal(i.get("billingProfileId"), filter.profile()));
		}
		InvoiceStatus status = filter.status();
		if (status == InvoiceStatus.PAST_DUE) {
			where.add(cb.equal(i.get("status"), InvoiceStatus.DUE));
			where.add(cb.equal(i.get("amountPaid"), BigDecimal.ZERO));
			where.add(cb.lessThan(i.get("dueDate"), today));
		}
		else if (status == InvoiceStatus.DUE) {
			where.add(cb.equal(i.get("status"), InvoiceStatus.DUE));
			where.add(cb.equal(i.get("amountPaid"), BigDecimal.ZERO));
			where.add(cb.greaterThanOrEqualTo(i.get("dueDate"), today));
		}
		else if (status == InvoiceStatus.PARTIALLY_PAID) {
			where.add(cb.equal(i.get("status"), InvoiceStatus.DUE));
			where.add(cb.greaterThan(i.get("amountPaid"), BigDecimal.ZERO));
		}
		else if (status != null) {
			where.add(cb.equal(i.get("status"), status));
		}
		LocalDate since = filter.spanOrAll().since(today);
		if (since != null) {
			where.add(cb.greaterThanOrEqualTo(i.get("invoiceDate"), since));
		}
		return where.toArray(Predicate[]::new);
	}

}
