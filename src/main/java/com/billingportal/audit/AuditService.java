package com.billingportal.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events in the caller's transaction, so an event exists exactly when the change it
 * describes was committed.
 */
@Service
public class AuditService {

	private final AuditEventRepository events;

	private final Clock clock;

	AuditService(AuditEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void record(Actor actor, String action, String objectType, Object objectId, Long billingAccountId,
			String detail) {
		this.events.save(new AuditEvent(this.clock.instant(), actor.userId(), actor.email(), action, objectType,
				(objectId != null) ? objectId.toString() : null, billingAccountId, currentRemoteAddress(), detail));
	}

	/**
	 * For a refused change: the event is committed on its own, so it is kept although the caller's
	 * transaction rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordRefusal(Actor actor, String action, String objectType, Object objectId, Long billingAccountId,
			String detail) {
		record(actor, action, objectType, objectId, billingAccountId, detail);
	}


	private static String currentRemoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/** Who acted: a signed-in user, or the system itself (the reconciler). */
	public record Actor(Long userId, String email) {

		public static final Actor SYSTEM = new Actor(null, "system");

	}

}
