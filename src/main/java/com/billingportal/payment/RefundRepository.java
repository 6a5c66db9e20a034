package com.billingportal.payment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefundRepository extends JpaRepository<Refund, Long> {

	Optional<Refund> findByReference(String reference);

	Optional<Refund> findByPaymentIdAndIdempotencyKey(long paymentId, String idempotencyKey);

}
