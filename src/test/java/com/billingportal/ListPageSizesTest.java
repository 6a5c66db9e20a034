package com.billingportal;

import java.math.BigDecimal;
import java.time.Duration;

import com.billingportal.invoice.InvoiceProperties;
import com.billingportal.payment.PaymentProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The lists' page sizes are written into their statements ({@code Pages.idsFirst}): a size below 1
 * would make a statement the database refuses on every page (and 0 divided by zero in
 * {@code Pages.read}), so it is refused at start-up, with the setting's name.
 */
class ListPageSizesTest {

	@Test
	void aPageSizeFromOneToAThousandIsTaken() {
		assertThat(invoices(1).pageSize()).isEqualTo(1);
		assertThat(payments(1000).pageSize()).isEqualTo(1000);
	}

	@Test
	void aPageSizeOutsideIsRefusedWithItsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> invoices(0))
			.withMessageContaining("billing.invoices.page-size");
		assertThatIllegalArgumentException().isThrownBy(() -> payments(-1))
			.withMessageContaining("billing.payments.page-size");
		assertThatIllegalArgumentException().isThrownBy(() -> payments(1001))
			.withMessageContaining("billing.payments.page-size");
	}

	private static InvoiceProperties invoices(int pageSize) {
		return new InvoiceProperties(new BigDecimal("50000"), pageSize, BigDecimal.TEN, 50);
	}

	private static PaymentProperties payments(int pageSize) {
		return new PaymentProperties(Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofMinutes(1), pageSize);
	}

}
