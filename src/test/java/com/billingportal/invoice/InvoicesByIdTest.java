package com.billingportal.invoice;

import java.util.List;
import java.util.Map;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices looked up by id (the receipts, the webhooks' payloads, refunds, automatic payments) go
 * through a query whose translation Hibernate keeps: the second lookup finds its plan in the
 * query plan cache. Spring Data's {@code findAllById}, used before, builds a criteria query that
 * Hibernate translated again on every call (no cache hit), two thirds of its time in the pay flow.
 */
@PortalTest
class InvoicesByIdTest {

	@Autowired
	InvoiceService invoices;

	@Autowired
	DemoData demo;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void aSecondLookUpByIdsReusesTheTranslatedQuery() {
		Invoice invoice = this.invoices.invoice(DemoData.CONTOSO, this.demo.dueInvoice(DemoData.CONTOSO));
		List<Long> ids = List.of(invoice.id());
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.invoices.numbersOf(ids);
		this.invoices.invoicesOf(DemoData.CONTOSO, ids);
		statistics.clear();
		Map<Long, String> numbers = this.invoices.numbersOf(ids);
		List<Invoice> found = this.invoices.invoicesOf(DemoData.CONTOSO, ids);
		assertThat(numbers).containsExactly(Map.entry(invoice.id(), invoice.number()));
		assertThat(found).extracting(Invoice::number).containsExactly(invoice.number());
		assertThat(statistics.getQueryPlanCacheMissCount()).as("plans translated again").isZero();
		assertThat(statistics.getQueryPlanCacheHitCount()).as("plans reused").isGreaterThanOrEqualTo(2);
	}

	@Test
	void anotherAccountsInvoicesAreLeftOutAndNoIdsFindNothing() {
		Invoice invoice = this.invoices.invoice(DemoData.CONTOSO, this.demo.dueInvoice(DemoData.CONTOSO));
		assertThat(this.invoices.invoicesOf(DemoData.FABRIKAM, List.of(invoice.id()))).isEmpty();
		assertThat(this.invoices.invoicesOf(DemoData.CONTOSO, List.of())).isEmpty();
		assertThat(this.invoices.numbersOf(List.of())).isEmpty();
	}

}
