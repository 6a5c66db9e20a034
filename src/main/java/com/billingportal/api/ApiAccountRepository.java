package com.billingportal.api;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiAccountRepository extends JpaRepository<ApiAccount, Long> {

	Optional<ApiAccount> findByClientAndExternalId(String client, String externalId);

	Optional<ApiAccount> findByClientAndBillingAccountId(String client, long billingAccountId);

	List<ApiAccount> findByClient(String client);

}
