package com.billingportal.invoice;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCsvTest {

	@Test
	void plainFieldsAreWrittenAsTheyAre() {
		assertThat(UsageCsv.quote("Virtual Machines")).isEqualTo("Virtual Machines");
		assertThat(UsageCsv.quote("虚拟机")).isEqualTo("虚拟机");
		assertThat(UsageCsv.quote(null)).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuoted() {
		assertThat(UsageCsv.quote("D4s v5, East US")).isEqualTo("\"D4s v5, East US\"");
		assertThat(UsageCsv.quote("12\" rack")).isEqualTo("\"12\"\" rack\"");
		assertThat(UsageCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void whatIsWrittenIsReadBack() {
		List<String> fields = List.of("存储, 热层", "say \"hi\"", "a\r\nb", "", " padded ", "plain");
		String line = String.join(",", fields.stream().map(UsageCsv::quote).toList()) + "\r\n";
		assertThat(CsvReader.parse(line)).containsExactly(fields);
	}

}
