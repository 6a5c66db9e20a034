package com.billingportal.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in request reads its session from the store once. Spring Session's filter saves the
 * session when the response is committed and again when the request ends, and the first save makes
 * it forget the session it had read: without {@link SessionTouchedEveryMinute#requestScope()} the
 * second save reads the session again (a statement and a transaction on every page).
 */
class SessionReadOnceTest {

	private final CountingSessions store = new CountingSessions();

	private final SessionTouchedEveryMinute sessions = new SessionTouchedEveryMinute(this.store);

	@Test
	void aPageThatCommitsItsResponseReadsTheSessionOnce() throws Exception {
		String id = storedSession();
		serve(id, SessionTouchedEveryMinute.requestScope());
		assertThat(this.store.reads).as("reads of the session by id").hasValue(1);
	}

	@Test
	void withoutTheScopeSpringSessionReadsItTwice() throws Exception {
		String id = storedSession();
		serve(id, null);
		assertThat(this.store.reads).as("the reason for the scope: the second save reads the session again")
			.hasValue(2);
	}

	@Test
	void outsideARequestEveryReadGoesToTheStore() {
		String id = storedSession();
		this.sessions.save(this.sessions.findById(id));
		this.sessions.findById(id);
		assertThat(this.store.reads).hasValue(2);
	}

	@Test
	void aSessionDeletedInTheRequestIsNotHandedBack() throws Exception {
		String id = storedSession();
		Filter scope = SessionTouchedEveryMinute.requestScope();
		scope.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
			this.sessions.save(this.sessions.findById(id));
			this.sessions.deleteById(id);
			assertThat(this.sessions.findById(id)).as("signed out: gone").isNull();
		});
	}

	@Test
	void aSessionWhoseIdChangedIsNotHandedBackUnderTheOldOne() throws Exception {
		String id = storedSession();
		Filter scope = SessionTouchedEveryMinute.requestScope();
		scope.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
			SessionTouchedEveryMinute.Touched session = this.sessions.findById(id);
			this.sessions.save(session);
			String newId = session.changeSessionId();
			assertThat(newId).isNotEqualTo(id);
			assertThat(this.sessions.findById(id)).as("asked for under its old id: the store answers")
				.isNotSameAs(session);
			assertThat(this.store.reads).hasValue(2);
		});
	}

	@Test
	void theNextRequestOnTheThreadReadsTheStoreAgain() throws Exception {
		String id = storedSession();
		serve(id, SessionTouchedEveryMinute.requestScope());
		this.store.deleteById(id);
		assertThat(this.sessions.findById(id)).as("deleted elsewhere after the request: not handed back").isNull();
	}

	private String storedSession() {
		MapSession session = this.store.createSession();
		session.setAttribute("greeting", "hello");
		this.store.save(session);
		this.store.reads.set(0);
		return session.getId();
	}

	/** One request carrying the session's cookie through the scope (if any) and Spring Session's filter. */
	private void serve(String id, Filter scope) throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/billing");
		request.setCookies(
				new Cookie("SESSION", Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
		MockHttpServletResponse response = new MockHttpServletResponse();
		Filter page = (ServletRequest req, ServletResponse res, FilterChain next) -> {
			assertThat(((HttpServletRequest) req).getSession(false).getAttribute("greeting")).isEqualTo("hello");
			res.getWriter().write("<p>page</p>");
			res.flushBuffer();
		};
		SessionRepositoryFilter<SessionTouchedEveryMinute.Touched> springSession = new SessionRepositoryFilter<>(
				this.sessions);
		MockFilterChain chain = (scope != null) ? new MockFilterChain(new HttpServlet() {
		}, scope, springSession, page) : new MockFilterChain(new HttpServlet() {
		}, springSession, page);
		chain.doFilter(request, response);
		assertThat(response.isCommitted()).isTrue();
	}

	/** Sessions in memory, counting the reads by id. */
	static final class CountingSessions implements FindByIndexNameSessionRepository<MapSession> {

		final AtomicInteger reads = new AtomicInteger();

		private final MapSessionRepository sessions = new MapSessionRepository(new HashMap<>());

		@Override
		public MapSession createSession() {
			return this.sessions.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.sessions.save(session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads.incrementAndGet();
			return this.sessions.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.sessions.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
