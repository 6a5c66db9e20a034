package com.billingportal.portal;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The top bar names the signed-in user on every page of the layout, error pages included, as text
 * (portal.TopBarUser), and no one on a page a visitor sees before signing in.
 */
@PortalTest
class TopBarUserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void aPageNamesTheSignedInUser() throws Exception {
		PortalUser admin = this.demo.user(DemoData.CONTOSO_ADMIN);
		Document page = page(get("/billing/accounts/" + DemoData.CONTOSO).with(user(admin)), 200);
		assertThat(page.select(".topbar-user .user-name").text()).isEqualTo(admin.displayName());
		assertThat(page.select(".topbar-user .user-email").text()).isEqualTo(admin.email());
		assertThat(page.select(".topbar-user form.signout")).hasSize(1);
	}

	@Test
	void errorPagesNameTheUserToo() throws Exception {
		PortalUser admin = this.demo.user(DemoData.CONTOSO_ADMIN);
		Document notFound = page(get("/billing/accounts/" + DemoData.CONTOSO + "/invoices/NO-SUCH-INVOICE")
			.with(user(admin)), 404);
		assertThat(notFound.select(".topbar-user .user-name").text()).isEqualTo(admin.displayName());
		PortalUser reader = this.demo.user(DemoData.CONTOSO_READER);
		Long profile = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class,
					DemoData.CONTOSO);
		Document refused = page(get("/billing/accounts/" + DemoData.CONTOSO + "/profiles/" + profile + "/edit")
			.with(user(reader)), 403);
		assertThat(refused.select(".topbar-user .user-email").text()).isEqualTo(reader.email());
	}

	@Test
	void markupInTheNameIsShownAsText() throws Exception {
		PortalUser admin = this.demo.user(DemoData.CONTOSO_ADMIN);
		PortalUser marked = new PortalUser(admin.id(), admin.email(), "<script>alert(1)</script>");
		String html = this.mvc.perform(get("/").with(user(marked))).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>alert(1)")
			.contains("<span class=\"user-name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>");
	}

	@Test
	void noOneIsNamedBeforeSigningIn() throws Exception {
		assertThat(page(get("/login"), 200).select(".topbar-user")).isEmpty();
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		var response = this.mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		return Jsoup.parse(response.getContentAsString());
	}

}
