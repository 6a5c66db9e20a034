package com.billingportal.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.billingportal.card.CreditCard;
import com.billingportal.invoice.Invoice;

import jakarta.persistence.EntityManager;
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
class PaymentRowsImpl implements PaymentRows {

	private final EntityManager entityManager;

	PaymentRowsImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Page<PaymentRow> findRows(long accountId, PaymentStatus status, Instant since, Pageable pageable) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<PaymentRow> query = cb.createQuery(PaymentRow.class);
		Root<Payment> p = query.from(Payment.class);
		Join<Payment, Invoice> i = p.join(Invoice.class);
		i.on(cb.equal(i.get("id"), p.get("invoiceId")));
		Join<Payment, CreditCard> c = p.join(CreditCard.class);
		c.on(cb.equal(c.get("id"), p.get("cardId")));
		query
			.select(cb.construct(PaymentRow.class, p.get("reference"), p.get("createdAt"), i.get("number"),
					p.get("amount"), p.get("currency"), c.get("brand"), c.get("lastFour"), p.get("status"),
					p.get("failureReason"), p.get("declineCode"), p.get("requiresAction")))
			.where(matching(cb, p, accountId, status, since))
			.orderBy(cb.desc(p.get("billingAccountId")), cb.desc(p.get("createdAt")), cb.desc(p.get("id")));
		List<PaymentRow> rows = this.entityManager.createQuery(query)
			.setFirstResult(Math.toIntExact(pageable.getOffset()))
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		return PageableExecutionUtils.getPage(rows, pageable, () -> count(accountId, status, since));
	}

	private long count(long accountId, PaymentStatus status, Instant since) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = cb.createQuery(Long.class);
		Root<Payment> p = query.from(Payment.class);
		query.select(cb.count(p)).where(matching(cb, p, accountId, status, since));
		return this.entityManager.createQuery(query).getSingleResult();
	}

	private static Predicate[] matching(CriteriaBuilder cb, Root<Payment> p, long accountId, PaymentStatus status,
			Instant since) {
		List<Predicate> where = new ArrayList<>();
		where.add(cb.equal(p.get("billingAccountId"), accountId));
		if (status != null) {
			where.add(cb.equal(p.get("status"), status));
		}
		if (since != null) {
			where.add(cb.greaterThanOrEqualTo(p.get("createdAt"), since));
		}
		return where.toArray(Predicate[]::new);
	}

}
