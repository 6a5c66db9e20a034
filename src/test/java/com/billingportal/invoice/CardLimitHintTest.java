package com.billingportal.invoice;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** "Pay by wire transfer" says which card limit the invoice is above, in the invoice's currency. */
@PortalTest
class CardLimitHintTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void theListAndTheInvoicePageNameTheCardLimitInTheInvoicesCurrency() throws Exception {
		String above = this.demo.aboveCardLimitInvoice(this.demo.contoso());
		// In euros, and the newest invoice, so that it is on the list's first page.
		this.demo.jdbc().update("update invoice set currency = 'EUR', invoice_date = current_date where invoice_number = ?",
				above);
		this.demo.invoicesWritten(this.demo.contoso());
		var admin = this.demo.user(DemoData.CONTOSO_ADMIN);
		String list = this.mvc.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = list.substring(list.indexOf("id=\"invoice-" + above + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Pay by wire transfer").contains("above the card limit of €50,000.00");
		String detail = this.mvc
			.perform(get("/billing/accounts/" + this.demo.contoso() + "/invoices/" + above).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("This invoice is above the card limit of €50,000.00");
	}

}
