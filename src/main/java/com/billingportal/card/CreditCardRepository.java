package com.billingportal.card;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CreditCardRepository extends JpaRepository<CreditCard, Long> {

	List<CreditCard> findByBillingAccountIdAndStatusOrderByIdAsc(long billingAccountId, CardStatus status);

	Optional<CreditCard> findByIdAndBillingAccountIdAndStatus(long id, long billingAccountId, CardStatus status);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from CreditCard c where c.id = :id and c.billingAccountId = :accountId and c.status = :status")
	Optional<CreditCard> lockByIdAndAccount(@Param("id") long id, @Param("accountId") long accountId,
			@Param("status") CardStatus status);

	Optional<CreditCard> findFirstByBillingAccountIdAndFingerprintAndStatus(long billingAccountId,
			String fingerprint, CardStatus status);

	List<CreditCard> findByIdIn(java.util.Collection<Long> ids);

}
