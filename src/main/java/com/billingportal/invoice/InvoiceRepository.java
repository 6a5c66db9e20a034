package com.billingportal.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvoiceRepository extends JpaRepository<Invoice, Long>, InvoiceRows {

	/**
	 * The account's invoices with these ids, by id. Not {@code findAllById}: Spring Data builds that as a criteria query,
	 * which Hibernate translates to SQL again on every call (two thirds of its time in the pay flow's
	 * profile); a query string's translation is kept ({@code InvoicesByIdTest}).
	 */
	@Query("select i from Invoice i where i.id in :ids and i.billingAccountId = :account order by i.id")
	List<Invoice> findByIds(@Param("account") long accountId, @Param("ids") Collection<Long> ids);

	/** The numbers of the invoices with these ids, as id and number pairs, without loading the invoices. */
	@Query("select i.id, i.number from Invoice i where i.id in :ids")
	List<Object[]> findNumbersByIds(@Param("ids") Collection<Long> ids);

	Optional<Invoice> findByNumberAndBillingAccountId(String number, long billingAccountId);

	Optional<Invoice> findByNumber(String number);

	Optional<Invoice> findByNumberAndBillingAccountIdIn(String number, List<Long> billingAccountIds);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.number = :number and i.billingAccountId = :accountId")
	Optional<Invoice> lockByNumber(@Param("number") String number, @Param("accountId") long accountId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.id = :id")
	Optional<Invoice> lockById(@Param("id") long id);

	/**
	 * Due invoices not yet announced as issued, oldest first, at most {@code :batch}: a range of
	 * {@code ix_invoice_unannounced_issue} (V21). The announcement pass runs every five minutes on
	 * every node; without the index it read every invoice ({@code AnnouncementPlanTest}). Plain SQL so
	 * that the test explains the very statement that runs; the status is an {@link InvoiceStatus} name.
	 */
	String UNANNOUNCED_ISSUED = """
			select id from invoice where status = 'DUE' and issue_announced_at is null
			order by id fetch first :batch rows only""";

	/** Invoices still due after their due date and not yet announced as past due: {@code ix_invoice_unannounced_past_due}. */
	String UNANNOUNCED_PAST_DUE = """
			select id from invoice where status = 'DUE' and past_due_announced_at is null and due_date < :today
			order by id fetch first :batch rows only""";

	@Query(value = UNANNOUNCED_ISSUED, nativeQuery = true)
	List<Long> findUnannouncedIssued(@Param("batch") int batch);

	@Query(value = UNANNOUNCED_PAST_DUE, nativeQuery = true)
	List<Long> findUnannouncedPastDue(@Param("today") LocalDate today, @Param("batch") int batch);

	/** Claims the announcement: 1 for the one node that sets the column, 0 for every other. */
	@Modifying
	@Query("update Invoice i set i.issueAnnouncedAt = :now where i.id = :id and i.issueAnnouncedAt is null")
	int claimIssueAnnouncement(@Param("id") long id, @Param("now") Instant now);

	@Modifying
	@Query("""
			update Invoice i set i.pastDueAnnouncedAt = :now where i.id = :id and i.pastDueAnnouncedAt is null
			  and i.status = com.billingportal.invoice.InvoiceStatus.DUE""")
	int claimPastDueAnnouncement(@Param("id") long id, @Param("now") Instant now);

	List<Invoice> findByBillingAccountIdAndNumberIn(long billingAccountId, java.util.Collection<String> numbers);

	@Query("""
			select i from Invoice i
			where i.billingAccountId = :accountId and i.status = com.billingportal.invoice.InvoiceStatus.DUE
			  and i.dueDate < :today
			order by i.id""")
	List<Invoice> pastDue(@Param("accountId") long accountId, @Param("today") LocalDate today);

	boolean existsByBillingAccountIdAndBillingProfileIdAndStatusIn(long billingAccountId, long billingProfileId,
			java.util.Collection<InvoiceStatus> statuses);

}
