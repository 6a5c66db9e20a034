package com.billingportal.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session repository as Spring Session's filter sees it: the database's, except that a request
 * moves a session's last access only when it is at least {@link #STEP} older than the request.
 * Spring Session otherwise writes the session row back on every signed-in request (a statement and a
 * commit each) although only the time of the last access changed. The idle time-out (30 minutes) is
 * then counted from a last access that may be up to a minute early.
 */
final class SessionTouchedEveryMinute implements FindByIndexNameSessionRepository<SessionTouchedEveryMinute.Touched> {

	static final Duration STEP = Duration.ofMinutes(1);

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
	}

	@Override
	public Touched findById(String id) {
		Session found = this.sessions.findById(id);
		return (found != null) ? new Touched(found) : null;
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
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
