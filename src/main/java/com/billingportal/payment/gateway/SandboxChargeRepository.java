package com.billingportal.payment.gateway;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SandboxChargeRepository extends JpaRepository<SandboxCharge, Long> {

	Optional<SandboxCharge> findByIdempotencyKey(String idempotencyKey);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from SandboxCharge c where c.idempotencyKey = :key")
	Optional<SandboxCharge> lockByIdempotencyKey(@Param("key") String idempotencyKey);

}
