package com.billingportal.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EmailMessageRepository extends JpaRepository<EmailMessage, Long> {

	List<EmailMessage> findByEventIdOrderByIdAsc(String eventId);

	Page<EmailMessage> findByBillingAccountIdOrderByCreatedAtDescIdDesc(long billingAccountId, Pageable page);

	Optional<EmailMessage> findByIdAndBillingAccountId(long id, long billingAccountId);

	/** Emails due for an attempt: Pending ones whose time has come, Sending ones whose node's lease ran out. */
	@Query("""
			select e.id from EmailMessage e
			where (e.status = com.billingportal.notification.EmailStatus.PENDING and e.nextAttemptAt <= :now)
			   or (e.status = com.billingportal.notification.EmailStatus.SENDING and e.leaseUntil < :now)
			order by e.id""")
	List<Long> findDue(@Param("now") Instant now, Pageable batch);

	/** Claims an email for one attempt by this node: 1 for the node that wins it, 0 for the others. */
	@Modifying
	@Query("""
			update EmailMessage e set e.status = com.billingportal.notification.EmailStatus.SENDING, e.leaseUntil = :until
			where e.id = :id
			  and ((e.status = com.billingportal.notification.EmailStatus.PENDING and e.nextAttemptAt <= :now)
			    or (e.status = com.billingportal.notification.EmailStatus.SENDING and e.leaseUntil < :now))""")
	int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

}
