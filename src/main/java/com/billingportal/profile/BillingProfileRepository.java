package com.billingportal.profile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BillingProfileRepository extends JpaRepository<BillingProfile, Long> {

	List<BillingProfile> findByBillingAccountIdOrderByNameAsc(long billingAccountId);

	Optional<BillingProfile> findByIdAndBillingAccountId(long id, long billingAccountId);

}
