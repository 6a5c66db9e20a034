package com.billingportal.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, Long> {

	/** The invoices a payment pays, in the order their rows are locked: by invoice id. */
	@Query("select a.invoiceId from PaymentAllocation a where a.paymentId = :paymentId order by a.invoiceId")
	List<Long> invoiceIdsOf(@Param("paymentId") long paymentId);

	List<PaymentAllocation> findByPaymentIdOrderByInvoiceIdAsc(long paymentId);

	/** The payment's allocations, the last written first: the order a refund gives back in. */
	List<PaymentAllocation> findByPaymentIdOrderByIdDesc(long paymentId);

	List<PaymentAllocation> findByPaymentIdIn(Collection<Long> paymentIds);

	/** The invoice numbers each of these payments pays, by invoice id, in one query (the Payments page). */
	@Query("""
			select p.reference as reference, i.number as number from Payment p, PaymentAllocation a, Invoice i
			where a.paymentId = p.id and i.id = a.invoiceId and p.reference in :references order by a.invoiceId""")
	List<PaidInvoiceNumber> invoiceNumbersOf(@Param("references") Collection<String> references);

	/** One invoice a payment pays, by number. */
	interface PaidInvoiceNumber {

		String getReference();

		String getNumber();

	}

	/** The live or succeeded payment that holds the invoice, whichever invoices it pays with it. */
	@Query("select p from Payment p, PaymentAllocation a where a.paymentId = p.id and a.activeInvoiceId = :invoiceId")
	Optional<Payment> findActivePayment(@Param("invoiceId") long invoiceId);

	/** Every payment that paid or tried to pay the invoice, alone or with others, newest first. */
	@Query("""
			select p from Payment p, PaymentAllocation a where a.paymentId = p.id and a.invoiceId = :invoiceId
			order by p.createdAt desc, p.id desc""")
	List<Payment> paymentsOf(@Param("invoiceId") long invoiceId);

	/**
	 * Every payment that paid or tried to pay the invoice, newest first, with what it allocated to
	 * the invoice and what refunds gave back of that: rows of payment, amount, amount refunded.
	 */
	@Query("""
			select p, a.amount, a.amountRefunded from Payment p, PaymentAllocation a
			where a.paymentId = p.id and a.invoiceId = :invoiceId
			order by p.createdAt desc, p.id desc""")
	List<Object[]> paymentsWithPartsOf(@Param("invoiceId") long invoiceId);

	/**
	 * Whether the bank or card declined a payment of the invoice, alone or with others: failed as
	 * declined, card expired or incorrect card details. Not a payment that failed otherwise (reason
	 * {@link FailureReason#OTHER}): a bank verification that failed or that the payer never completed,
	 * a charge the gateway never received and the reconciler cancelled, a gateway processing error.
	 */
	@Query("""
			select count(a) > 0 from PaymentAllocation a, Payment p where a.paymentId = p.id and a.invoiceId = :invoiceId
			  and p.status = com.billingportal.payment.PaymentStatus.FAILED
			  and p.failureReason in (com.billingportal.payment.FailureReason.BANK_DECLINED,
			    com.billingportal.payment.FailureReason.CARD_EXPIRED,
			    com.billingportal.payment.FailureReason.INCORRECT_CARD_DETAILS)""")
	boolean existsDeclinedPaymentOf(@Param("invoiceId") long invoiceId);

	/** The payment failed: its invoices may be paid again. */
	@Modifying(flushAutomatically = true)
	@Query("update PaymentAllocation a set a.activeInvoiceId = null where a.paymentId = :paymentId")
	int release(@Param("paymentId") long paymentId);

}
