package com.billingportal.portal;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Sends a response of up to {@value #BUFFER} bytes whole: with a {@code Content-Length}, in one
 * write to the socket, instead of in chunks.
 * <p>
 * The page's view flushes the response's writer when it has written the page ({@link PageBuffers},
 * as Thymeleaf's own view did; Spring's message converters flush their stream too). A flush commits
 * the response: the server then sends what it has as a chunk, and at the end of the request one
 * more write for the last, empty chunk. Every page cost
 * two writes, pages above the server's default buffer of 8 KB (the Invoices list, Payments, the Pay
 * now blade) more; the socket writes were 7.6 % of the invoice page's CPU (async-profiler, H2, 100
 * invoices; docs/performance.md).
 * <p>
 * Here the buffer holds {@value #BUFFER} bytes and a flush of the writer or the stream before the end of
 * the request does nothing: the server sends the response when the request ends, or, for a larger one,
 * whenever the buffer is full, as before. {@link HttpServletResponse#flushBuffer()} still sends at once,
 * for a handler that must stream. A response that has not gone out when an error happens can still be
 * replaced by the error page. The session filters still save the session before the response is
 * committed: they count what is written against the buffer's size. A download that must go out as
 * it is made calls {@code flushBuffer()} (the invoices' ZIP does, after each invoice).
 * <p>
 * A browser asks for gzip ({@code server.compression}): the compressed length is not known before
 * the end, so its pages still go out chunked, but with the one flush at the end instead of one in
 * the middle (not measured; the benchmark's {@code wrk} asks for no compression). Since Tomcat now knows
 * a page's length before it decides, a page below {@code server.compression.min-response-size} (the
 * sign-in page) is no longer compressed ({@code CompressionIT}). Error dispatches
 * ({@code sendError}, Spring Boot's error page) are not wrapped and go out as before. Each request
 * in flight may hold up to 64 KB of buffer instead of 8 KB.
 * <p>
 * Tested by {@code WholeResponsesTest}.
 */
final class WholeResponses implements Filter {

	/** Large enough for every page of the portal (the Pay now blade, the largest, is some 31 KB). */
	static final int BUFFER = 64 * 1024;

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (response instanceof HttpServletResponse http && !http.isCommitted()) {
			http.setBufferSize(BUFFER);
			chain.doFilter(request, new Whole(http));
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static final class Whole extends HttpServletResponseWrapper {

		private PrintWriter writer;

		private ServletOutputStream stream;

		Whole(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				PrintWriter target = super.getWriter();
				this.writer = new PrintWriter(target, false) {
					@Override
					public void flush() {
						// Sent when the request ends or the buffer is full.
					}
				};
			}
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.stream == null) {
				ServletOutputStream target = super.getOutputStream();
				this.stream = new ServletOutputStream() {
					@Override
					public void write(int b) throws IOException {
						target.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						target.write(b, off, len);
					}

					@Override
					public void flush() {
						// Sent when the request ends or the buffer is full.
					}

					@Override
					public void close() throws IOException {
						target.close();
					}

					@Override
					public boolean isReady() {
						return target.isReady();
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						target.setWriteListener(listener);
					}
				};
			}
			return this.stream;
		}

	}

}
