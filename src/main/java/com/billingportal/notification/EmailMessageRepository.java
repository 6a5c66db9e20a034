package com.billingportal.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EmailMessageRepository extends JpaRepository<EmailMessage, Long> {

	/** Whether the event's emails are written; reads no message (each carries its whole MIME text). */
	boolean existsByEventId(String eventId);

	/** The ids of the event's emails, oldest first, without reading their MIME text. */
	@Query("select e.id from EmailMessage e where e.eventId = :eventId order by e.id")
	List<Long> findIdsByEventId(@Param("eventId") String eventId);

	/** A page of the account's emails, newest first (Email history); no count. */
	List<EmailMessage> findByBillingAccountIdOrderByCreatedAtDescIdDesc(long billingAccountId, Pageable page);

	/** How many of the account's emails there are from {@code offset}, at most {@code limit}: the pager's bounded count. */
	@Query("""
			select count(*) from (select e.id as id from EmailMessage e where e.billingAccountId = :account
			order by e.createdAt desc, e.id desc offset :offset rows fetch first :limit rows only) w""")
	long countFrom(@Param("account") long billingAccountId, @Param("offset") int offset, @Param("limit") int limit);

	Optional<EmailMessage> findByIdAndBillingAccountId(long id, long billingAccountId);

	/**
	 * Pending emails whose time has come, oldest first: a range of the index on (status,
	 * next_attempt_at). One query for these and the next would be an {@code or}, which H2 answers by
	 * reading every email, each with its MIME text ({@code EmailRetryPlanTest}). Plain SQL so that the
	 * test explains the very statement that runs; the statuses are {@link EmailStatus} names.
	 */
	String PENDING_DUE = """
			select id from email_message where status = 'PENDING' and next_attempt_at <= :now
			order by id fetch first :batch rows only""";

	/** Sending emails whose node's lease ran out, oldest first: the index's range of status Sending. */
	String LEASE_EXPIRED = """
			select id from email_message where status = 'SENDING' and lease_until < :now
			order by id fetch first :batch rows only""";

	@Query(value = PENDING_DUE, nativeQuery = true)
	List<Long> findPendingDue(@Param("now") Instant now, @Param("batch") int batch);

	@Query(value = LEASE_EXPIRED, nativeQuery = true)
	List<Long> findLeaseExpired(@Param("now") Instant now, @Param("batch") int batch);

	/** Emails due for an attempt, oldest first: Pending ones whose time has come, Sending ones whose lease ran out. */
	default List<Long> findDue(Instant now, int batch) {
		return Stream.concat(findPendingDue(now, batch).stream(), findLeaseExpired(now, batch).stream())
			.sorted()
			.limit(batch)
			.toList();
	}

	/** Claims an email for one attempt by this node: 1 for the node that wins it, 0 for the others. */
	@Modifying
	@Query("""
			update EmailMessage e set e.status = com.billingportal.notification.EmailStatus.SENDING, e.leaseUntil = :until
			where e.id = :id
			  and ((e.status = com.billingportal.notification.EmailStatus.PENDING and e.nextAttemptAt <= :now)
			    or (e.status = com.billingportal.notification.EmailStatus.SENDING and e.leaseUntil < :now))""")
	int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

	/** The email under a row lock: a node finishing an attempt and another claiming it take turns. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from EmailMessage e where e.id = :id")
	Optional<EmailMessage> findByIdForUpdate(@Param("id") long id);

}
