package com.billingportal.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
	 * Refunds whose outcome the reconciler must find out: Unknown, or Pending since before
	 * {@code staleBefore} (a node stopped between asking the gateway and recording its answer).
	 */
	@Query("""
			select r.reference from Refund r
			where r.status = com.billingportal.payment.Refund.Status.UNKNOWN
			   or (r.status = com.billingportal.payment.Refund.Status.PENDING and r.updatedAt < :staleBefore)
			order by r.id""")
	List<String> findUnsettled(@Param("staleBefore") Instant staleBefore);

}
