package com.billingportal.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentRepository extends JpaRepository<Payment, Long>, PaymentRows {

	Optional<Payment> findByIdempotencyKey(String idempotencyKey);

	Optional<Payment> findByReferenceAndBillingAccountId(String reference, long billingAccountId);

	Optional<Payment> findByReference(String reference);

	List<Payment> findByReferenceIn(Collection<String> references);

	@Query("select p.id from Payment p where p.reference = :reference and p.billingAccountId = :accountId")
	Optional<Long> idOf(@Param("reference") String reference, @Param("accountId") long accountId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> lockById(@Param("id") long id);

	@Query("select p.invoiceId from Payment p where p.id = :id")
	long invoiceIdOf(@Param("id") long id);

	/**
	 * Payments whose outcome the gateway did not give: the index on status. The reconciler's pass
	 * (every minute on every node) asked this and the next as one query with an {@code or}, which H2
	 * answered by reading every payment ever made ({@code ReconcilerPlanTest}). Plain SQL so that the
	 * test explains the very statement that runs; the statuses are {@link PaymentStatus} names.
	 */
	String UNKNOWN_OUTCOME = "select id from payment where status = 'UNKNOWN'";

	/** Payments Pending since before {@code :staleBefore}: a node stopped between asking the gateway and recording its answer. */
	String PENDING_SINCE = "select id from payment where status = 'PENDING' and updated_at < :staleBefore";

	@Query(value = UNKNOWN_OUTCOME, nativeQuery = true)
	List<Long> findUnknownOutcomeIds();

	@Query(value = PENDING_SINCE, nativeQuery = true)
	List<Long> findPendingIdsSince(@Param("staleBefore") Instant staleBefore);

	/** Payments whose outcome the reconciler must find out, oldest first. */
	default List<Long> findUnsettledIds(Instant staleBefore) {
		return Stream.concat(findUnknownOutcomeIds().stream(), findPendingIdsSince(staleBefore).stream())
			.sorted()
			.toList();
	}

	boolean existsByBillingAccountIdAndCardIdAndStatusIn(long billingAccountId, long cardId,
			Collection<PaymentStatus> statuses);

	/** Whether any other payment was made or attempted with the card. */
	boolean existsByCardIdAndIdNot(long cardId, long id);

}
