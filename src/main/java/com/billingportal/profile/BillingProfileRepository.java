package com.billingportal.profile;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BillingProfileRepository extends JpaRepository<BillingProfile, Long> {

	List<BillingProfile> findByBillingAccountIdOrderByNameAscIdAsc(long billingAccountId);

	Optional<BillingProfile> findByIdAndBillingAccountId(long id, long billingAccountId);

	/** The profiles with their additional recipients, in one query (the profiles page). */
	@EntityGraph(attributePaths = "recipients")
	List<BillingProfile> findWithRecipientsByBillingAccountIdOrderByNameAscIdAsc(long billingAccountId);

	@EntityGraph(attributePaths = "recipients")
	Optional<BillingProfile> findWithRecipientsByIdAndBillingAccountId(long id, long billingAccountId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from BillingProfile p where p.id = :id and p.billingAccountId = :accountId")
	Optional<BillingProfile> lockByIdAndAccount(@Param("id") long id, @Param("accountId") long accountId);

}
