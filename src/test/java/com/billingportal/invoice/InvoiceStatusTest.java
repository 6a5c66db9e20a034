package com.billingportal.invoice;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceStatusTest {

	private static final LocalDate DUE = LocalDate.of(2026, 11, 30);

	@Test
	void aDueInvoiceIsPastDueOnlyOnceItsDueDateHasPassed() {
		assertThat(Invoice.derive(InvoiceStatus.DUE, DUE, DUE.minusDays(1))).isEqualTo(InvoiceStatus.DUE);
		assertThat(Invoice.derive(InvoiceStatus.DUE, DUE, DUE)).isEqualTo(InvoiceStatus.DUE);
		assertThat(Invoice.derive(InvoiceStatus.DUE, DUE, DUE.plusDays(1))).isEqualTo(InvoiceStatus.PAST_DUE);
	}

	@Test
	void otherStatusesDoNotDependOnTheDate() {
		LocalDate later = DUE.plusYears(1);
		assertThat(Invoice.derive(InvoiceStatus.PAID, DUE, later)).isEqualTo(InvoiceStatus.PAID);
		assertThat(Invoice.derive(InvoiceStatus.VOID, DUE, later)).isEqualTo(InvoiceStatus.VOID);
		assertThat(Invoice.derive(InvoiceStatus.PROCESSING, DUE, later)).isEqualTo(InvoiceStatus.PROCESSING);
	}

}
