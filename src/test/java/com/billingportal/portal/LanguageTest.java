package com.billingportal.portal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import com.billingportal.user.UserService;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * English and Chinese: the browser's language first, the top bar's choice once made (kept in a
 * cookie), and the whole pay flow in Chinese.
 */
@PortalTest
class LanguageTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserService users;

	@Test
	void theBrowsersLanguageChoosesTheBundle() throws Exception {
		assertThat(page(get("/").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"))).contains("lang=\"zh-CN\"",
				"计费门户", "成本管理 + 计费");
		assertThat(page(get("/").header("Accept-Language", "zh-TW"))).contains("计费门户");
		assertThat(page(get("/").header("Accept-Language", "en-US"))).contains("lang=\"en\"", "Billing Portal",
				"Cost Management + Billing");
		assertThat(page(get("/").header("Accept-Language", "fr-FR"))).as("a language the portal lacks: English")
			.contains("Cost Management + Billing");
	}

	@Test
	void theTopBarsChoiceWinsOverTheBrowserAndIsRemembered() throws Exception {
		MvcResult chosen = this.mvc
			.perform(get("/").param("lang", "zh_CN").header("Accept-Language", "en").with(admin()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(chosen.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("计费门户");
		Cookie cookie = chosen.getResponse().getCookie("portal-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getMaxAge()).as("kept beyond the browser session").isNotZero();

		// Later requests carry only the cookie; the browser still asks for English.
		assertThat(page(get("/billing/accounts/1/invoices").cookie(cookie).header("Accept-Language", "en")))
			.contains("发票 ID", "立即支付");

		MvcResult back = this.mvc
			.perform(get("/").param("lang", "en").cookie(cookie).header("Accept-Language", "zh-CN").with(admin()))
			.andReturn();
		Cookie english = back.getResponse().getCookie("portal-lang");
		assertThat(page(get("/billing/accounts/1/invoices").cookie(english).header("Accept-Language", "zh-CN")))
			.contains("Invoice ID", "Pay now");
	}

	/**
	 * The request that switches the language is written wholly in the new one, the parts written in
	 * Java (the Invoices list's rows, the invoice's line items, amounts) included: they read the
	 * language from Spring's LocaleContextHolder, which held the one chosen before the switch.
	 */
	@Test
	void theRequestThatSwitchesTheLanguageIsWrittenInIt() throws Exception {
		assertThat(page(get("/billing/accounts/1/invoices").param("lang", "zh_CN").header("Accept-Language", "en")))
			.contains("发票 ID", "aria-label=\"选择发票 ")
			.doesNotContain("aria-label=\"Select invoice ");
		String number = this.jdbc.queryForObject(
				"select min(i.invoice_number) from invoice i join invoice_line l on l.invoice_id = i.id"
						+ " join billing_profile p on p.id = i.billing_profile_id where p.billing_account_id = 1"
						+ " and l.unit = 'Hours'",
				String.class);
		assertThat(page(get("/billing/accounts/1/invoices/" + number).param("lang", "zh_CN")
			.header("Accept-Language", "en"))).contains("<td>小时</td>").doesNotContain("<td>Hours</td>");
	}

	@Test
	void searchFindsCostManagementAndBillingByItsChineseName() throws Exception {
		for (String q : new String[] { "成本管理 + 计费", "计费", "发票" }) {
			assertThat(page(get("/search").param("q", q).header("Accept-Language", "zh-CN")))
				.as("search for %s", q)
				.contains("href=\"/billing\"", "成本管理 + 计费");
		}
		assertThat(page(get("/search").param("q", "虚拟机").header("Accept-Language", "zh-CN")))
			.doesNotContain("href=\"/billing\"");
	}

	@Test
	void theWholePayFlowInChineseEndsInPaid() throws Exception {
		String zh = "zh-CN";
		assertThat(page(get("/").header("Accept-Language", zh))).contains("成本管理 + 计费");
		assertThat(page(get("/search").param("q", "成本管理 + 计费").header("Accept-Language", zh)))
			.contains("href=\"/billing\"");
		this.mvc.perform(get("/billing").with(admin()).header("Accept-Language", zh))
			.andExpect(redirectedUrl("/billing/accounts/1"));

		String number = this.jdbc.queryForObject("""
				select max(i.invoice_number) from invoice i where i.billing_account_id = 1 and i.status = 'DUE'
				  and i.amount_due <= 50000 and not exists (select 1 from payment p where p.invoice_id = i.id)""",
				String.class);
		String list = page(get("/billing/accounts/1/invoices").header("Accept-Language", zh));
		assertThat(row(list, number)).contains("立即支付", "/invoices/" + number + "/pay");

		String blade = page(get("/billing/accounts/1/invoices/" + number + "/pay").header("Accept-Language", zh));
		assertThat(blade).contains("选择付款方式", "添加新的付款方式".substring(0, 2));

		Long visa = this.jdbc.queryForObject(
				"select id from credit_card where billing_account_id = 1 and last_four = '4242'", Long.class);
		MvcResult paid = this.mvc
			.perform(post("/billing/accounts/1/invoices/" + number + "/pay").with(admin())
				.with(csrf())
				.header("Accept-Language", zh)
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("paymentMethod", String.valueOf(visa)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(paid.getResponse().getRedirectedUrl()).isEqualTo("/billing/accounts/1/invoices");
		// Sessions live in the database: the redirect's GET carries the session cookie, as a browser does.
		Cookie sessionCookie = paid.getResponse().getCookie("SESSION");
		assertThat(sessionCookie).isNotNull();

		String after = this.mvc
			.perform(get("/billing/accounts/1/invoices").with(admin())
				.cookie(sessionCookie)
				.header("Accept-Language", zh))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("已收到付款。发票 " + number + " 已支付。");
		assertThat(row(after, number)).contains("已支付").doesNotContain("立即支付");

		String detail = page(get("/billing/accounts/1/invoices/" + number).header("Accept-Language", zh));
		assertThat(detail).contains("已支付", "已成功", "尾号为 4242 的 Visa", "查看收据", "付款记录", "下载 PDF");
		String reference = this.jdbc.queryForObject("""
				select p.payment_ref from payment p join invoice i on i.id = p.invoice_id
				where i.invoice_number = ? and p.status = 'SUCCEEDED'""", String.class, number);
		byte[] receipt = this.mvc
			.perform(get("/billing/accounts/1/payments/" + reference + "/receipt.pdf").with(admin())
				.header("Accept-Language", zh))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Pdfs.text(receipt)).contains("付款收据", number, "已支付");
	}

	/** The invoices list's row of one invoice. */
	private static String row(String list, String number) {
		int start = list.indexOf("id=\"invoice-" + number + "\"");
		assertThat(start).as("row of %s", number).isNotNegative();
		return list.substring(start, list.indexOf("</tr>", start));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor admin() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.users.loadUserByUsername("admin@contoso.com"));
	}

}
