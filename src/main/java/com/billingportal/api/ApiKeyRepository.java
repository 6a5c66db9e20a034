package com.billingportal.api;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

	Optional<ApiKey> findByHash(String hash);

	List<ApiKey> findByPrefixOrderById(String prefix);

}
