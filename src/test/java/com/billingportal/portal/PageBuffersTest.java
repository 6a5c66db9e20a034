package com.billingportal.portal;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import static com.billingportal.support.DemoData.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages are rendered into pooled buffers ({@link PageBuffers}): a page holds nothing of the one
 * rendered before it with the same buffer, a page that fails while rendering writes nothing, and a
 * buffer grown beyond the bound is not kept.
 */
@PortalTest
class PageBuffersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	ThymeleafViewResolver views;

	@Autowired
	WebApplicationContext context;

	@Test
	void pagesAreRenderedByTheBufferedViewWithoutThymeleafsOwnBuffer() throws Exception {
		assertThat(this.views.resolveViewName("invoice/list", Locale.ENGLISH))
			.isInstanceOfSatisfying(PageBuffers.BufferedView.class,
					(view) -> assertThat(view.getProducePartialOutputWhileProcessing()).isTrue());
	}

	@Test
	void aPageRenderedAfterALargerOneHoldsNothingOfIt() throws Exception {
		PortalUser admin = this.demo.user("admin@contoso.com");
		PageBuffers.Buffer other = new PageBuffers.Buffer();
		other.writer().write("ANOTHER USER'S PAGE ".repeat(other.capacity() / 20));
		PageBuffers.giveBack(other);
		assertThat(other.isBlank()).as("blanked when given back").isTrue();
		String invoices = page("/billing/accounts/" + CONTOSO + "/invoices", admin);
		assertThat(invoices).doesNotContain("ANOTHER USER");
		String home = page("/", admin);
		// The pool gives the buffer given back last: the home page was written into the buffer that
		// held the (larger) Invoices list.
		assertThat(PageBuffers.pooled()).isPositive();
		assertThat(invoices.length()).isGreaterThan(home.length());
		assertThat(home).endsWith("</html>\n").containsOnlyOnce("</html>").doesNotContain("<tr id=\"invoice-");
		assertThat(invoices).contains("<tr id=\"invoice-").containsOnlyOnce("</html>");
		assertThat(page("/", admin)).as("the same page again, from a used buffer").hasSameSizeAs(home);
	}

	@Test
	void aPageThatFailsWhileRenderingWritesNothingAndItsBufferIsReused() throws Exception {
		View view = this.views.resolveViewName("page-buffers-test/fails-midway", Locale.ENGLISH);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, this.context);
		MockHttpServletResponse response = new MockHttpServletResponse();
		int pooled = PageBuffers.pooled();
		assertThatException().isThrownBy(() -> view.render(Map.of(), request, response))
			.withStackTraceContaining("missing");
		assertThat(response.getContentAsString()).isEmpty();
		assertThat(response.isCommitted()).isFalse();
		assertThat(PageBuffers.pooled()).as("the buffer back in the pool").isEqualTo(Math.max(pooled, 1));
	}

	@Test
	void aBufferSendsOnlyWhatWasWrittenSinceItWasEmptied() throws Exception {
		PageBuffers.Buffer buffer = new PageBuffers.Buffer();
		buffer.writer().write("a page of another user, longer than the next one");
		PageBuffers.giveBack(buffer);
		assertThat(PageBuffers.take()).isSameAs(buffer);
		buffer.writer().write("next");
		buffer.writer().print('!');
		StringWriter sent = new StringWriter();
		buffer.writeTo(sent);
		assertThat(sent).hasToString("next!");
	}

	@Test
	void aBufferGrownBeyondTheBoundIsNotKept() {
		PageBuffers.Buffer large = PageBuffers.take();
		large.writer().write("x".repeat(PageBuffers.MAX_KEPT_CHARS + 1));
		int pooled = PageBuffers.pooled();
		PageBuffers.giveBack(large);
		assertThat(PageBuffers.pooled()).isEqualTo(pooled);
		assertThat(PageBuffers.take()).isNotSameAs(large);
		PageBuffers.Buffer small = new PageBuffers.Buffer();
		small.writer().write("a page");
		PageBuffers.giveBack(small);
		assertThat(PageBuffers.take()).isSameAs(small);
	}

	private String page(String path, PortalUser user) throws Exception {
		return this.mvc.perform(get(path).with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
