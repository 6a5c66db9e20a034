package com.billingportal.payment;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.audit.AuditEvent;

/**
 * One state change of a payment, read back from its audit event. The event's detail is written by
 * {@link #detail} and read by {@link #of}, in this class only:
 * {@code FROM -> TO; REASON[; extra]}, e.g. {@code PENDING -> FAILED; DECLINED; insufficient_funds}.
 */
public record PaymentStateChange(String paymentReference, Instant at, String actor, String from,
		PaymentStatus to, ChangeReason reason, String extra) {

	/** The state a payment has before it exists. */
	static final String NEW = "NEW";

	private static final Pattern DETAIL = Pattern
		.compile("([A-Z_]+) -> ([A-Z_]+); ([A-Z_]+)(?:; (.*))?", Pattern.DOTALL);

	static String detail(String from, PaymentStatus to, ChangeReason reason, String extra) {
		return from + " -> " + to.name() + "; " + reason.name() + ((extra != null) ? "; " + extra : "");
	}

	static Optional<PaymentStateChange> of(AuditEvent event) {
		if (event.detail() == null) {
			return Optional.empty();
		}
		Matcher m = DETAIL.matcher(event.detail());
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new PaymentStateChange(event.objectId(), event.occurredAt(), event.actorEmail(),
					m.group(1), PaymentStatus.valueOf(m.group(2)), ChangeReason.valueOf(m.group(3)), m.group(4)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The decline code of a decline (e.g. insufficient_funds), for the message in words. */
	public String declineCode() {
		return (this.to == PaymentStatus.FAILED) ? this.extra : null;
	}

	public boolean isCreation() {
		return NEW.equals(this.from);
	}

}
