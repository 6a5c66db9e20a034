package com.billingportal.payment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefundAllocationRepository extends JpaRepository<RefundAllocation, Long> {

	/** The parts of the refund with this reference, by invoice id (the order invoices are locked in). */
	@Query("""
			select ra from RefundAllocation ra, Refund r where ra.refundId = r.id and r.reference = :reference
			order by ra.invoiceId""")
	List<RefundAllocation> partsOf(@Param("reference") String reference);

	/**
	 * What the payment's refunds in flight (Pending or Unknown) hold of each invoice: rows of
	 * invoice id and amount. Read under the payment's row lock.
	 */
	@Query("""
			select ra.invoiceId, sum(ra.amount) from RefundAllocation ra, Refund r
			where ra.refundId = r.id and r.paymentId = :paymentId
			  and r.status in (com.billingportal.payment.Refund.Status.PENDING, com.billingportal.payment.Refund.Status.UNKNOWN)
			group by ra.invoiceId""")
	List<Object[]> inFlightByInvoice(@Param("paymentId") long paymentId);

}
