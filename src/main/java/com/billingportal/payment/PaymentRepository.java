package com.billingportal.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentRepository extends JpaRepository<Payment, Long> {

	Optional<Payment> findByIdempotencyKey(String idempotencyKey);

	Optional<Payment> findByReferenceAndBillingAccountId(String reference, long billingAccountId);

	Optional<Payment> findByActiveInvoiceId(long invoiceId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> lockById(@Param("id") long id);

	@Query("select p.invoiceId from Payment p where p.id = :id")
	long invoiceIdOf(@Param("id") long id);

	List<Payment> findByInvoiceIdOrderByCreatedAtDesc(long invoiceId);

	/** Payments whose outcome the reconciler must find out. */
	@Query("""
			select p.id from Payment p
			where p.status = com.billingportal.payment.PaymentStatus.UNKNOWN
			   or (p.status = com.billingportal.payment.PaymentStatus.PENDING and p.updatedAt < :staleBefore)
			order by p.id""")
	List<Long> findUnsettledIds(@Param("staleBefore") Instant staleBefore);

	@Query("""
			select count(p) > 0 from Payment p, Invoice i
			where i.id = p.invoiceId and p.billingAccountId = :accountId
			  and p.status = com.billingportal.payment.PaymentStatus.FAILED
			  and i.status = com.billingportal.invoice.InvoiceStatus.DUE""")
	boolean existsFailedOnOpenInvoice(@Param("accountId") long accountId);

	String ROWS = """
			from Payment p join Invoice i on i.id = p.invoiceId join CreditCard c on c.id = p.cardId
			where p.billingAccountId = :accountId
			  and (:status is null or p.status = :status)
			  and (:since is null or p.createdAt >= :since)
			""";

	/** One page of the Payments page, with each payment's invoice number and card, in one query. */
	@Query(value = """
			select new com.billingportal.payment.PaymentRow(p.reference, p.createdAt, i.number, p.amount, p.currency,
			       c.brand, c.lastFour, p.status, p.failureReason, p.declineCode, p.requiresAction)
			""" + ROWS + " order by p.createdAt desc, p.id desc", countQuery = "select count(p) " + ROWS)
	Page<PaymentRow> findRows(@Param("accountId") long accountId, @Param("status") PaymentStatus status,
			@Param("since") Instant since, Pageable pageable);

	boolean existsByBillingAccountIdAndCardIdAndStatusIn(long billingAccountId, long cardId,
			Collection<PaymentStatus> statuses);

	/** Whether any other payment was made or attempted with the card. */
	boolean existsByCardIdAndIdNot(long cardId, long id);

}
