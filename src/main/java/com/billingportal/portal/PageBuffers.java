package com.billingportal.portal;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;

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
 * the response is committed) run once per page, and an error while rendering leaves no half-written
 * page behind. Thymeleaf's own way of doing that ({@code produce-partial-output-while-processing:
 * false}) renders into a new {@code StringBuilder} of 1,024 characters for every page: it grew by
 * doubling to the page's size, in two bytes a character as soon as a character beyond Latin-1 came
 * (the pages have some), and was then copied into a {@code String} (twice: a try at one byte a
 * character first), which the response's writer encoded. For the Pay now blade (some 30 KB) that
 * was 165 KB of the 1,078 KB each request allocated, for the Invoices page 95 of 449 KB
 * (async-profiler, {@code alloc}; docs/performance.md).
 * <p>
 * Here Thymeleaf writes into the pooled buffer's {@code char} array, which the response's writer
 * encodes from directly. A buffer goes back to the pool emptied; one that grew beyond
 * {@value #KEPT_CHARS} characters, or that finds the pool full, is left to the collector, so the
 * pool holds at most {@value #POOLED} × {@value #KEPT_CHARS} characters (2 MB). A page never reads
 * a buffer's earlier content: only what the page wrote, from the first character, is sent.
 * <p>
 * Tested by {@code PageBuffersTest}.
 */
@Configuration(proxyBeanMethods = false)
class PageBuffers {

	/** Buffers kept for reuse: more than the pages rendered at once on a small node. */
	static final int POOLED = 16;

	/** A buffer larger than this (in characters) is not kept: the largest page is some 31,000. */
	static final int KEPT_CHARS = 64 * 1024;

	private static final ArrayBlockingQueue<Buffer> POOL = new ArrayBlockingQueue<>(POOLED);

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

	static Buffer take() {
		Buffer buffer = POOL.poll();
		return (buffer != null) ? buffer : new Buffer();
	}

	static void giveBack(Buffer buffer) {
		buffer.reset();
		if (buffer.capacity() <= KEPT_CHARS) {
			POOL.offer(buffer);
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
				super.render(model, request, new IntoBuffer(response, buffer.printer()));
				PrintWriter out = response.getWriter();
				buffer.writeTo(out);
				out.flush();
			}
			finally {
				giveBack(buffer);
			}
		}

	}

	/** The response as the view sees it: its writer is the buffer's. */
	private static final class IntoBuffer extends HttpServletResponseWrapper {

		private final PrintWriter writer;

		IntoBuffer(HttpServletResponse response, PrintWriter writer) {
			super(response);
			this.writer = writer;
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

	}

	/** A growing {@code char} array, emptied for reuse; not thread-safe (one page at a time). */
	static final class Buffer extends Writer {

		private char[] chars = new char[16 * 1024];

		private int length;

		private final PrintWriter printer = new PrintWriter(this, false);

		PrintWriter printer() {
			return this.printer;
		}

		int capacity() {
			return this.chars.length;
		}

		void reset() {
			this.length = 0;
		}

		void writeTo(Writer out) throws java.io.IOException {
			out.write(this.chars, 0, this.length);
		}

		private void ensure(int more) {
			int needed = this.length + more;
			if (needed > this.chars.length) {
				this.chars = Arrays.copyOf(this.chars, Math.max(needed, this.chars.length * 2));
			}
		}

		@Override
		public void write(int c) {
			ensure(1);
			this.chars[this.length++] = (char) c;
		}

		@Override
		public void write(char[] source, int offset, int count) {
			ensure(count);
			System.arraycopy(source, offset, this.chars, this.length, count);
			this.length += count;
		}

		@Override
		public void write(String text, int offset, int count) {
			ensure(count);
			text.getChars(offset, offset + count, this.chars, this.length);
			this.length += count;
		}

		@Override
		public void write(String text) {
			write(text, 0, text.length());
		}

		@Override
		public Writer append(CharSequence text) {
			String s = String.valueOf(text);
			write(s, 0, s.length());
			return this;
		}

		@Override
		public void flush() {
			// Written by the view when the page is complete.
		}

		@Override
		public void close() {
			// Reused.
		}

		@Override
		public String toString() {
			return new String(this.chars, 0, this.length);
		}

	}

}
