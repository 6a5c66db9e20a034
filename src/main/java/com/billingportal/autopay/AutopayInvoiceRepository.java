package com.billingportal.autopay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AutopayInvoiceRepository extends JpaRepository<AutopayInvoice, Long> {

	Optional<AutopayInvoice> findByInvoiceId(long invoiceId);

	boolean existsByInvoiceId(long invoiceId);

	@Query("""
			select a.id from AutopayInvoice a where a.outcome = com.billingportal.autopay.AutopayOutcome.WAITING
			  and a.nextAttemptAt <= :now order by a.nextAttemptAt, a.id""")
	List<Long> findDue(@Param("now") Instant now, Pageable batch);

	/**
	 * Claims the attempt a node read as due: 1 for the one node whose update finds next_attempt_at
	 * unchanged, 0 for every other. The claim moves it to the end of the lease.
	 */
	@Modifying
	@Query("""
			update AutopayInvoice a set a.nextAttemptAt = :leaseEnd where a.id = :id
			  and a.outcome = com.billingportal.autopay.AutopayOutcome.WAITING and a.nextAttemptAt = :seen""")
	int claim(@Param("id") long id, @Param("seen") Instant seen, @Param("leaseEnd") Instant leaseEnd);

	/** Records an attempt's outcome; the next one (if any) is due at {@code next}. */
	@Modifying
	@Query("""
			update AutopayInvoice a set a.attempts = :attempts, a.firstAttemptAt = :first, a.nextAttemptAt = :next,
			  a.outcome = :outcome, a.lastReason = :reason where a.id = :id""")
	int record(@Param("id") long id, @Param("attempts") int attempts, @Param("first") Instant first,
			@Param("next") Instant next, @Param("outcome") AutopayOutcome outcome, @Param("reason") String reason);

}
