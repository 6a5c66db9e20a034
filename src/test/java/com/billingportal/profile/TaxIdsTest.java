package com.billingportal.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tax IDs: the EU VAT formats with their prefixes and lengths, the US EIN, free text elsewhere. */
class TaxIdsTest {

	@Test
	void euVatNumbersNeedTheirPrefixAndLength() {
		assertThat(TaxIds.check("DE 123.456.789", "DE").taxId()).isEqualTo("DE123456789");
		assertThat(TaxIds.check("atu12345678", "AT").taxId()).isEqualTo("ATU12345678");
		assertThat(TaxIds.check("EL123456789", "GR").taxId()).isEqualTo("EL123456789");
		assertThat(TaxIds.check("NL123456789B01", "NL").taxId()).isEqualTo("NL123456789B01");
		assertThat(TaxIds.check("SE123456789001", "SE").isValid()).isTrue();
		assertThat(TaxIds.check("DE1234567890", "DE").messageKey()).isEqualTo("profile.taxId.vat");
		assertThat(TaxIds.check("123456789", "DE").argument()).isEqualTo("DE123456789");
		assertThat(TaxIds.check("GR123456789", "GR").isValid()).isFalse();
		assertThat(TaxIds.check("FR12345678901", "DE").isValid()).isFalse();
		assertThat(TaxIds.check("SE123456789012", "SE").isValid()).isFalse();
	}

	@Test
	void aUsEinHasNineDigits() {
		assertThat(TaxIds.check("123456789", "US").taxId()).isEqualTo("12-3456789");
		assertThat(TaxIds.check("12-3456789", "US").taxId()).isEqualTo("12-3456789");
		assertThat(TaxIds.check("12-345678", "US").messageKey()).isEqualTo("profile.taxId.ein");
		assertThat(TaxIds.check("US123456789", "US").isValid()).isFalse();
	}

	@Test
	void elsewhereFreeTextUpToThirtyCharactersWithoutHiddenOnes() {
		assertThat(TaxIds.check(" T1234567890123 ", "JP").taxId()).isEqualTo("T1234567890123");
		assertThat(TaxIds.check("x".repeat(30), "JP").isValid()).isTrue();
		assertThat(TaxIds.check("x".repeat(31), "JP").messageKey()).isEqualTo("profile.taxId.tooLong");
		assertThat(TaxIds.check("AB\u200B12", "CH").messageKey()).isEqualTo("profile.error.hidden");
	}

	@Test
	void blankIsNoTaxId() {
		assertThat(TaxIds.check("  ", "DE").isValid()).isTrue();
		assertThat(TaxIds.check(null, "DE").taxId()).isNull();
	}

}
