package com.billingportal.payment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentStateChangeRepository extends JpaRepository<PaymentStateChange, Long> {

	/**
	 * Payments of the accounts changed after the cursor (a state change id): each payment's
	 * reference with its latest change, in the order of those changes.
	 */
	@org.springframework.data.jpa.repository.Query("""
			select c.paymentReference as reference, max(c.id) as cursor from PaymentStateChange c
			where c.paymentReference in (select p.reference from Payment p where p.billingAccountId in :accounts)
			group by c.paymentReference having max(c.id) > :after order by max(c.id)""")
	List<ChangedPayment> findChangedSince(@org.springframework.data.repository.query.Param("accounts") Collection<Long> accounts,
			@org.springframework.data.repository.query.Param("after") long after,
			org.springframework.data.domain.Limit limit);

	interface ChangedPayment {

		String getReference();

		Long getCursor();

	}

	List<PaymentStateChange> findByPaymentReferenceInOrderByIdAsc(Collection<String> paymentReferences);

	/** Whether the portal itself started the payment (automatic payment): its first change has no user. */
	@org.springframework.data.jpa.repository.Query("""
			select count(c) > 0 from PaymentStateChange c where c.paymentReference = :reference
			  and c.from = 'NEW' and c.actorUserId is null""")
	boolean startedBySystem(@org.springframework.data.repository.query.Param("reference") String reference);

}
