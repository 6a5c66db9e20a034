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
	void textThatAFormulaWouldStartWithIsWrittenAsQuotedText() {
		assertThat(UsageCsv.text("=HYPERLINK(\"http://x\",\"y\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
		assertThat(UsageCsv.text("+1+1")).isEqualTo("\"'+1+1\"");
		assertThat(UsageCsv.text("-2+3")).isEqualTo("\"'-2+3\"");
		assertThat(UsageCsv.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(UsageCsv.text("\tcmd")).isEqualTo("\"'\tcmd\"");
		assertThat(UsageCsv.text("\rcmd")).isEqualTo("\"'\rcmd\"");
		assertThat(UsageCsv.text("Contoso = Billing")).as("only the first character matters")
			.isEqualTo("Contoso = Billing");
		assertThat(UsageCsv.text("")).isEmpty();
		assertThat(UsageCsv.text(null)).isEmpty();
	}

	@Test
	void numbersStayNumbersNegativeOnesIncluded() {
		assertThat(UsageCsv.number(new java.math.BigDecimal("-2.50"))).isEqualTo("-2.50");
		assertThat(UsageCsv.number(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
	}

	@Test
	void whatIsWrittenIsReadBack() {
		List<String> fields = List.of("存储, 热层", "say \"hi\"", "a\r\nb", "", " padded ", "plain");
		String line = String.join(",", fields.stream().map(UsageCsv::quote).toList()) + "\r\n";
		assertThat(CsvReader.parse(line)).containsExactly(fields);
	}

}
