package com.billingportal.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AdminInvitationRepository extends JpaRepository<AdminInvitation, Long> {

	Optional<AdminInvitation> findByBillingAccountId(long billingAccountId);

	Optional<AdminInvitation> findByTokenHash(String tokenHash);

	/** The invitation of the link, locked: the link sets a password once, even clicked twice at once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from AdminInvitation i where i.tokenHash = :hash")
	Optional<AdminInvitation> lockByTokenHash(@Param("hash") String tokenHash);

	List<AdminInvitation> findByUserIdAndAcceptedAtIsNull(long userId);

}
