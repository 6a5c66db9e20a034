package com.billingportal.payment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentStateChangeRepository extends JpaRepository<PaymentStateChange, Long> {

	List<PaymentStateChange> findByPaymentReferenceInOrderByIdAsc(Collection<String> paymentReferences);

}
