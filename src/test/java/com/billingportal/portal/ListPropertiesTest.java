package com.billingportal.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The lists' count bound must be one the count's window can hold: below 1 nothing would be counted,
 * above a million the window overflowed and every list failed.
 */
class ListPropertiesTest {

	@Test
	void aBoundFromOneToAMillionIsTaken() {
		assertThat(new ListProperties(1).countLimit()).isEqualTo(1);
		assertThat(new ListProperties(1000).countLimit()).isEqualTo(1000);
		assertThat(new ListProperties(1_000_000).countLimit()).isEqualTo(1_000_000);
	}

	@Test
	void aBoundOutsideIsRefusedAtStartUpWithItsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ListProperties(0))
			.withMessageContaining("billing.lists.count-limit");
		assertThatIllegalArgumentException().isThrownBy(() -> new ListProperties(1_000_001))
			.withMessageContaining("billing.lists.count-limit");
	}

}
