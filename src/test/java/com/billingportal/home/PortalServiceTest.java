package com.billingportal.home;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Search finds Cost Management + Billing by its name and keywords, in English and Chinese. */
class PortalServiceTest {

	private final PortalService billing = PortalService.ALL.get(0);

	@Test
	void foundByItsChineseNameAndKeywords() {
		assertThat(this.billing.matches("成本管理 + 计费")).isTrue();
		assertThat(this.billing.matches("计费")).isTrue();
		assertThat(this.billing.matches("发票")).isTrue();
		assertThat(this.billing.matches("成本管理")).isTrue();
	}

	@Test
	void foundByItsEnglishNameInAnyCase() {
		assertThat(this.billing.matches("Cost Management + Billing")).isTrue();
		assertThat(this.billing.matches("INVOICE")).isTrue();
	}

	@Test
	void notFoundByUnrelatedWords() {
		assertThat(this.billing.matches("虚拟机")).isFalse();
		assertThat(this.billing.matches("virtual machines")).isFalse();
		assertThat(this.billing.matches("   ")).isFalse();
	}

}
