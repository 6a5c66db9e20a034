package com.billingportal.payment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxChargeRepository extends JpaRepository<SandboxCharge, Long> {

	Optional<SandboxCharge> findByIdempotencyKey(String idempotencyKey);

	long countByIdempotencyKey(String idempotencyKey);

}
