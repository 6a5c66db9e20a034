package com.billingportal.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.portal.ListPage;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Payments list's pages, read in two steps (the ids first, then the rows), hold every payment of
 * the account once, in the list's order, and nothing of another account's: read page after page,
 * they are the account's payments as one ordered query reads them, payments made at the same instant
 * included (the order's last key is the id).
 */
@PortalTest
class PaymentPagesTest {

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentQueries queries;

	@Autowired
	DemoData demo;

	@Test
	void pageAfterPageIsTheAccountsPaymentsInOrderEachOnce() {
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			made.add(this.payments.pay(this.demo.adminAccess(), this.demo.admin(), this.demo.newDueInvoice(),
					UUID.randomUUID().toString(), this.demo.visa(), null).reference());
		}
		// Twelve of them at one instant, across a page's end.
		Timestamp instant = Timestamp.from(Instant.now().minusSeconds(3600));
		for (String reference : made.subList(5, 17)) {
			this.demo.jdbc().update("update payment set created_at = ? where payment_ref = ?", instant, reference);
		}
		assertThat(this.demo.jdbc()
			.queryForObject("select count(*) from payment where billing_account_id <> ?", Long.class, this.demo.contoso()))
			.as("another account's payments, to be left out").isPositive();

		List<String> paged = new ArrayList<>();
		for (int page = 0;; page++) {
			ListPage<PaymentRow> rows = this.queries.page(this.demo.adminAccess(), null, InvoiceFilter.TimeSpan.ALL, page)
				.rows();
			rows.forEach((row) -> paged.add(row.reference()));
			if (!rows.hasNext()) {
				break;
			}
		}

		List<String> ordered = this.demo.jdbc()
			.queryForList("select payment_ref from payment where billing_account_id = ? order by created_at desc, id desc",
					String.class, this.demo.contoso());
		assertThat(paged).hasSizeGreaterThan(23).containsExactlyElementsOf(ordered);
	}

}
