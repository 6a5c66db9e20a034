package com.billingportal.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefundRepository extends JpaRepository<Refund, Long> {

	Optional<Refund> findByReference(String reference);

	Optional<Refund> findByPaymentIdAndIdempotencyKey(long paymentId, String idempotencyKey);

	@Query("select r.paymentId from Refund r where r.reference = :reference")
	long paymentIdOf(@Param("reference") String reference);

	/** The gateway did not answer: Unknown, unless its answer was recorded meanwhile. */
	@Modifying
	@Query("""
			update Refund r set r.status = com.billingportal.payment.Refund.Status.UNKNOWN, r.updatedAt = :now
			where r.reference = :reference and r.status = com.billingportal.payment.Refund.Status.PENDING""")
	int markUnknown(@Param("reference") String reference, @Param("now") Instant now);

	/**
	 * Refunds whose outcome the gateway did not give, as id and reference: the index on (status,
	 * updated_at), like the next; one query with an {@code or} would read every refund on H2
	 * ({@code ReconcilerPlanTest}). Plain SQL so that the test explains the very statement that runs;
	 * the statuses are {@link Refund.Status} names.
	 */
	String UNKNOWN_OUTCOME = "select id, refund_ref from refund where status = 'UNKNOWN'";

	/** Refunds Pending since before {@code :staleBefore} (a node stopped between asking the gateway and recording its answer). */
	String PENDING_SINCE = "select id, refund_ref from refund where status = 'PENDING' and updated_at < :staleBefore";

	@Query(value = UNKNOWN_OUTCOME, nativeQuery = true)
	List<Object[]> findUnknownOutcome();

	@Query(value = PENDING_SINCE, nativeQuery = true)
	List<Object[]> findPendingSince(@Param("staleBefore") Instant staleBefore);

	/**
	 * References of the refunds whose outcome the reconciler must find out: Unknown, or Pending since
	 * before {@code staleBefore}; oldest first.
	 */
	default List<String> findUnsettled(Instant staleBefore) {
		return Stream.concat(findUnknownOutcome().stream(), findPendingSince(staleBefore).stream())
			.sorted(Comparator.comparingLong((Object[] row) -> ((Number) row[0]).longValue()))
			.map((row) -> (String) row[1])
			.toList();
	}

}
