package com.billingportal.invoice;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvoiceLineRepository extends JpaRepository<InvoiceLine, Long> {

	List<InvoiceLine> findByInvoiceIdOrderByLineNoAsc(long invoiceId);

}
