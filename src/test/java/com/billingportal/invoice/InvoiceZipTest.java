package com.billingportal.invoice;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.billingportal.payment.PaymentService;
import com.billingportal.portal.Flash;
import com.billingportal.support.DemoData;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Download: several invoices as one ZIP, a folder per invoice named by its id with its PDF, usage
 * CSV and receipts, in the reader's language; capped per request; another account's invoice is 404.
 */
@PortalTest
class InvoiceZipTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	record Entry(String name, byte[] content) {
	}

	static List<Entry> unzip(byte[] zip) throws Exception {
		List<Entry> entries = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				entries.add(new Entry(e.getName(), in.readAllBytes()));
			}
		}
		return entries;
	}

	String url() {
		return "/billing/accounts/" + this.demo.contoso() + "/invoices/download";
	}

	@Test
	void selectedInvoicesComeAsOneZipWithTheirPdfsUsageAndReceipts() throws Exception {
		String paid = this.demo.newDueInvoice();
		String due = this.demo.newDueInvoice();
		var payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), paid, UUID.randomUUID().toString(),
				this.demo.visa(), null);
		MockHttpServletResponse response = this.mvc
			.perform(get(url()).param("invoice", paid, due).with(user(this.demo.user(DemoData.CONTOSO_READER))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/zip");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains(".zip");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		List<Entry> entries = unzip(response.getContentAsByteArray());
		assertThat(entries).extracting(Entry::name)
			.containsExactly(paid + "/Invoice-" + paid + ".pdf", paid + "/Usage-" + paid + ".csv",
					paid + "/Receipt-" + payment.reference() + ".pdf", due + "/Invoice-" + due + ".pdf",
					due + "/Usage-" + due + ".csv");
		assertThat(Pdfs.text(entries.get(0).content())).contains(paid);
		assertThat(new String(entries.get(1).content(), java.nio.charset.StandardCharsets.UTF_8)).contains("InvoiceId");
		assertThat(Pdfs.text(entries.get(2).content())).contains(payment.reference());
	}

	@Test
	void theFilesAreInTheReadersLanguage() throws Exception {
		String number = this.demo.newDueInvoice();
		byte[] zip = this.mvc
			.perform(get(url()).param("invoice", number)
				.locale(Locale.SIMPLIFIED_CHINESE)
				.header("Accept-Language", "zh-CN")
				.with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Pdfs.text(unzip(zip).get(0).content())).contains("发票");
	}

	@Test
	void theWholeFilteredResultCanBeDownloadedUpToTheCap() throws Exception {
		MvcResult all = this.mvc.perform(get(url()).param("all", "filter").param("status", "PAID")
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		List<String> paid = this.demo.jdbc()
			.queryForList("select invoice_number from invoice where billing_account_id = ? and status = 'PAID'",
					String.class, this.demo.contoso());
		List<Entry> entries = unzip(all.getResponse().getContentAsByteArray());
		assertThat(entries.stream().map((e) -> e.name().substring(0, e.name().indexOf('/'))).distinct())
			.containsExactlyInAnyOrderElementsOf(paid);
	}

	@Test
	void moreThanTheCapOrNothingSelectedIsRefusedWithAReason() throws Exception {
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			many.add("X" + i);
		}
		MvcResult tooMany = this.mvc.perform(get(url()).param("invoice", many.toArray(String[]::new))
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		assertThat(tooMany.getResponse().getStatus()).isEqualTo(302);
		assertThat(((Flash) tooMany.getFlashMap().get("flash")).messageKey()).isEqualTo("download.tooMany");
		MvcResult none = this.mvc.perform(get(url()).with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn();
		assertThat(((Flash) none.getFlashMap().get("flash")).messageKey()).isEqualTo("download.none");
	}

	@Test
	void anotherAccountsInvoiceIsNotFound() throws Exception {
		String contosos = this.demo.newDueInvoice();
		int status = this.mvc.perform(get(url()).param("invoice", contosos)
			.with(user(this.demo.user(DemoData.FABRIKAM_ADMIN)))).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(404);
		String fabrikams = this.demo.jdbc()
			.queryForObject("select min(invoice_number) from invoice where billing_account_id = ?", String.class,
					this.demo.fabrikam());
		int mixed = this.mvc.perform(get(url()).param("invoice", contosos, fabrikams)
			.with(user(this.demo.user(DemoData.CONTOSO_ADMIN)))).andReturn().getResponse().getStatus();
		assertThat(mixed).isEqualTo(404);
	}

}
