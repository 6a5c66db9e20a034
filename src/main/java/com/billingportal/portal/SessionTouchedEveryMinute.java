package com.billingportal.portal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session repository as Spring Session's filter sees it: the database's, except that a request
 * moves a session's last access only when it is at least {@link #STEP} older than the request.
 * Spring Session otherwise writes the session row back on every signed-in request (a statement and a
 * commit each) although only the time of the last access changed. The idle time-out (30 minutes) is
 * then counted from a last access that may be up to a minute early.
 * <p>
 * Within one request ({@link #requestScope()}), a session this repository has saved is handed back
 * when it is asked for again, instead of being read from the database once more. Spring Session's
 * filter saves the session when the response is committed (while the page is written) and again
 * when the request ends; the first save forgets the session it had read, so the second read it again
 * by its id, a statement and a transaction on every signed-in request for the session just saved
 * ({@code SessionReadOnceTest}). A session whose id changed since it was saved is not handed back
 * under the old one.
 */
final class SessionTouchedEveryMinute implements FindByIndexNameSessionRepository<SessionTouchedEveryMinute.Touched> {

	static final Duration STEP = Duration.ofMinutes(1);

	/** The sessions saved while this thread serves a request, by id; null outside a request. */
	private static final ThreadLocal<Map<String, Touched>> SAVED_IN_REQUEST = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	SessionTouchedEveryMinute(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
	}

	@Override
	public Touched createSession() {
		return new Touched(this.sessions.createSession());
	}

	@Override
	public void save(Touched session) {
		this.sessions.save(session.stored);
		Map<String, Touched> saved = SAVED_IN_REQUEST.get();
		if (saved != null) {
			saved.put(session.getId(), session);
		}
	}

	@Override
	public Touched findById(String id) {
		Map<String, Touched> saved = SAVED_IN_REQUEST.get();
		Touched justSaved = (saved != null) ? saved.get(id) : null;
		if (justSaved != null && justSaved.getId().equals(id)) {
			return justSaved;
		}
		Session found = this.sessions.findById(id);
		return (found != null) ? new Touched(found) : null;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Touched> saved = SAVED_IN_REQUEST.get();
		if (saved != null) {
			saved.remove(id);
		}
		this.sessions.deleteById(id);
	}

	/**
	 * The filter that bounds {@link #findById} handing back a session saved earlier: it runs before
	 * Spring Session's filter and forgets every saved session when the request ends. A nested
	 * dispatch (an error page) keeps the scope of the request it is part of.
	 */
	static Filter requestScope() {
		return new Filter() {
			@Override
			public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
					throws IOException, ServletException {
				if (SAVED_IN_REQUEST.get() != null) {
					chain.doFilter(request, response);
					return;
				}
				SAVED_IN_REQUEST.set(new HashMap<>());
				try {
					chain.doFilter(request, response);
				}
				finally {
					SAVED_IN_REQUEST.remove();
				}
			}
		};
	}

	@Override
	public Map<String, Touched> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> new Touched(e.getValue())));
	}

	/** A stored session whose last access moves in steps of a minute or more. */
	static final class Touched implements Session {

		private final Session stored;

		Touched(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(STEP))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
