package com.billingportal.card;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditCardRepository extends JpaRepository<CreditCard, Long> {

	List<CreditCard> findByBillingAccountIdAndStatusOrderByIdAsc(long billingAccountId, CardStatus status);

	Optional<CreditCard> findByIdAndBillingAccountIdAndStatus(long id, long billingAccountId, CardStatus status);

	Optional<CreditCard> findFirstByBillingAccountIdAndFingerprintAndStatus(long billingAccountId,
			String fingerprint, CardStatus status);

	List<CreditCard> findByIdIn(java.util.Collection<Long> ids);

}
