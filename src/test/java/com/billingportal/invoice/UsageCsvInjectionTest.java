package com.billingportal.invoice;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tenant's names reach other people's spreadsheets through the usage CSV: a name that starts
 * like a formula is written as text, while a credit line's negative amounts stay numbers.
 */
@PortalTest
class UsageCsvInjectionTest {

	private static final String COMPANY = "=HYPERLINK(\"http://x\",\"y\")";

	private static final String PROFILE = "+1+1";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void hostileCompanyProfileAndLineNamesAreTextAndACreditStaysANumber() throws Exception {
		long fabrikam = this.demo.fabrikam();
		String invoice = this.demo.dueInvoice(fabrikam);
		long invoiceId = this.demo.jdbc()
			.queryForObject("select id from invoice where invoice_number = ?", Long.class, invoice);
		this.demo.jdbc().update("update billing_account set name = ? where id = ?", COMPANY, fabrikam);
		this.demo.jdbc().update("update billing_profile set name = ? where billing_account_id = ?", PROFILE, fabrikam);
		this.demo.jdbc()
			.update("insert into invoice_line (invoice_id, line_no, service_name, description, quantity, unit,"
					+ " unit_price, amount) values (?, 99, '@SUM(A1)', '-2+3', -1, '\tUnits', 2.5, -2.5)", invoiceId);

		byte[] bytes = this.mvc
			.perform(get("/billing/accounts/{id}/invoices/{n}/usage.csv", fabrikam, invoice)
				.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		List<List<String>> rows = CsvReader.parse(csv);

		List<String> credit = rows.stream().filter((r) -> r.get(5).equals("99")).findFirst().orElseThrow();
		assertThat(credit.get(1)).isEqualTo("'" + COMPANY);
		assertThat(credit.get(2)).isEqualTo("'" + PROFILE);
		assertThat(credit.get(6)).isEqualTo("'@SUM(A1)");
		assertThat(credit.get(7)).isEqualTo("'-2+3");
		assertThat(credit.get(9)).isEqualTo("'\tUnits");
		assertThat(credit.get(8)).as("a negative quantity is a number").isEqualTo("-1");
		assertThat(credit.get(11)).as("a credit's amount is a number").isEqualTo("-2.50");
		// On the wire: every hostile cell quoted and starting with the single quote; numbers bare.
		assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1+1\",")
			.contains(",\"'@SUM(A1)\",\"'-2+3\",-1,\"'\tUnits\",2.5,-2.50,EUR\r\n");
		assertThat(rows).allSatisfy((row) -> assertThat(row).noneSatisfy(
				(cell) -> assertThat(cell).matches("(?s)[=+@\t\r].*|-[^0-9].*|-\\d+[^0-9.].*")));
	}

}
