package com.billingportal.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

	List<Invitation> findByBillingAccountIdAndStatusOrderByIdAsc(long billingAccountId, InvitationStatus status);

	List<Invitation> findByEmailAndStatusOrderByIdAsc(String email, InvitationStatus status);

	long countByEmailAndStatus(String email, InvitationStatus status);

	boolean existsByBillingAccountIdAndEmailAndStatus(long billingAccountId, String email, InvitationStatus status);

	/** The invitation's row, locked: an answer and a revocation at once are taken one after the other. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invitation i where i.id = :id")
	Optional<Invitation> lockById(@Param("id") long id);

}
