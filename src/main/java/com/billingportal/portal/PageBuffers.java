package com.billingportal.portal;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Each page is rendered into a buffer taken from a small pool and written to the response in one
 * call, instead of into a new buffer per page.
 * <p>
 * A page is rendered into a buffer and written once, not fragment by fragment into the response, so
 * that the response writers of Spring Session and Spring Security (which check on every write whether
 * the response is committed) run once per page. Thymeleaf's own way of doing that
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing: false}, the setting until
 * 2026-12-08) renders into a new {@code StringBuilder} of 1,024 characters for every page: it grew by
 * doubling to the page's size, in two bytes a character as soon as a character beyond Latin-1 came
 * (the pages have dashes and status icons), and was then copied into a {@code String} (twice: a try at
 * one byte a character first) before the response's writer copied it once more into its own buffer.
 * For the Pay now blade (some 30 KB) that was 165 KB of the 1,078 KB each request allocated, for the
 * Invoices page 95 of 449 KB (async-profiler, {@code alloc}; docs/performance.md).
 * <p>
 * Here Thymeleaf writes into the pooled buffer's {@code char} array, which goes to the response's
 * writer without an intermediate {@code String}. The resolver is told to produce partial output
 * because the view buffers the page itself: {@code produce-partial-output-while-processing} set in
 * {@code application.yaml} has no effect. A buffer goes back to the pool emptied and blanked, last in
 * first out; one that grew beyond {@value #MAX_KEPT_CHARS} characters, or that finds the pool full, is
 * left to the collector, so the pool holds at most {@value #POOL_SIZE} × {@value #MAX_KEPT_CHARS}
 * characters (2 MB).
 * Only what the page wrote, from the buffer's first character, is sent; a page that fails while
 * rendering sends nothing, and the error page replaces it.
 * <p>
 * Tested by {@code PageBuffersTest}.
 */
@Configuration(proxyBeanMethods = false)
class PageBuffers {

	/** Buffers kept for reuse: more than the pages rendered at once on a small node. */
	static final int POOL_SIZE = 16;

	/** A buffer larger than this (in characters) is not kept: the largest page is some 31,000. */
	static final int MAX_KEPT_CHARS = 64 * 1024;

	private static final LinkedBlockingDeque<Buffer> POOL = new LinkedBlockingDeque<>(POOL_SIZE);

	@Bean
	static BeanPostProcessor pagesRenderedIntoPooledBuffers() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(BufferedView.class);
					// The view renders into its own buffer: Thymeleaf need not make another.
					resolver.setProducePartialOutputWhileProcessing(true);
				}
				return bean;
			}

		};
	}

	/** The buffer given back last, or a new one. */
	static Buffer take() {
		Buffer buffer = POOL.pollFirst();
		return (buffer != null) ? buffer : new Buffer();
	}

	static void giveBack(Buffer buffer) {
		buffer.reset();
		if (buffer.capacity() <= MAX_KEPT_CHARS) {
			POOL.offerFirst(buffer);
		}
	}

	/** Buffers in the pool now (for tests). */
	static int pooled() {
		return POOL.size();
	}

	/** Thymeleaf's view, rendering into a pooled buffer and writing the page in one call. */
	public static class BufferedView extends ThymeleafView {

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Buffer buffer = take();
			try {
				super.render(model, request, new BufferedResponse(response, buffer.writer()));
				PrintWriter out = response.getWriter();
				buffer.writeTo(out);
				// As Thymeleaf's view does after a page (WholeResponses holds the response until the end).
				out.flush();
			}
			finally {
				giveBack(buffer);
			}
		}

	}

	/** The response as the view sees it: its writer is the buffer's. */
	private static final class BufferedResponse extends HttpServletResponseWrapper {

		private final PrintWriter writer;

		BufferedResponse(HttpServletResponse response, PrintWriter writer) {
			super(response);
			this.writer = writer;
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

	}

	/**
	 * A {@link CharArrayWriter} that starts at 16K characters, tells its capacity, and blanks what it
	 * held when it is emptied: a page sent from it is never another user's, and no earlier page stays
	 * in the pool's memory.
	 */
	static final class Buffer extends CharArrayWriter {

		Buffer() {
			super(16 * 1024);
		}

		/** A writer for one page (a new one each time: a writer that was closed stays closed). */
		PrintWriter writer() {
			return new PrintWriter(this, false);
		}

		synchronized int capacity() {
			return this.buf.length;
		}

		@Override
		public synchronized void reset() {
			Arrays.fill(this.buf, 0, this.count, '\0');
			super.reset();
		}

		/** Whether every character of the array is blank (for tests). */
		synchronized boolean isBlank() {
			for (char c : this.buf) {
				if (c != '\0') {
					return false;
				}
			}
			return true;
		}

	}

}
