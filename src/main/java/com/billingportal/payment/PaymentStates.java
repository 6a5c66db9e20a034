package com.billingportal.payment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.billingportal.payment.PaymentGateway.ChargeResult;

import static com.billingportal.payment.ChangeReason.CHARGED;
import static com.billingportal.payment.ChangeReason.DECLINED;
import static com.billingportal.payment.ChangeReason.NOT_RECORDED;
import static com.billingportal.payment.ChangeReason.NO_ANSWER;
import static com.billingportal.payment.ChangeReason.RECONCILED_CHARGED;
import static com.billingportal.payment.ChangeReason.RECONCILED_DECLINED;
import static com.billingportal.payment.ChangeReason.RECONCILED_NOT_RECEIVED;
import static com.billingportal.payment.ChangeReason.STARTED;
import static com.billingportal.payment.ChangeReason.VERIFICATION_EXPIRED;
import static com.billingportal.payment.ChangeReason.VERIFICATION_FAILED;
import static com.billingportal.payment.ChangeReason.VERIFICATION_REQUIRED;
import static com.billingportal.payment.ChangeReason.VERIFIED;
import static com.billingportal.payment.PaymentStates.State.AWAITING_VERIFICATION;
import static com.billingportal.payment.PaymentStates.State.FAILED;
import static com.billingportal.payment.PaymentStates.State.NEW;
import static com.billingportal.payment.PaymentStates.State.PENDING;
import static com.billingportal.payment.PaymentStates.State.SUCCEEDED;
import static com.billingportal.payment.PaymentStates.State.UNKNOWN;

/**
 * Every way a payment changes state, in one table: the event, the states it may leave, the state
 * it enters. An event that does not apply to a payment's present state changes nothing: the
 * payment was settled first by another node or the reconciler, or is already where the event
 * leads. {@link Payment#apply} moves only along this table; everything else asks it.
 */
final class PaymentStates {

	/**
	 * What the portal knows of the money. Stored as {@link PaymentStatus} plus the payment's
	 * requires-action flag: to the payer, awaiting verification is a kind of Pending.
	 */
	enum State {

		/** Before the payment row exists. */
		NEW,
		/** Committed before the gateway is asked; its answer is on its way. */
		PENDING,
		/** The bank asks the payer to verify (3-D Secure). */
		AWAITING_VERIFICATION,
		/** No answer came in time: money may or may not have moved; the reconciler asks again. */
		UNKNOWN,
		/** Settled, for good. */
		SUCCEEDED, FAILED;

		/** The state of a stored payment: its status, and whether the bank asked for verification. */
		static State of(PaymentStatus status, boolean requiresAction) {
			return switch (status) {
				case PENDING -> requiresAction ? AWAITING_VERIFICATION : PENDING;
				case UNKNOWN -> UNKNOWN;
				case SUCCEEDED -> SUCCEEDED;
				case FAILED -> FAILED;
			};
		}

	}

	/** Who brought the gateway's answer: it decides the event, and so the reason in the history. */
	enum Source {

		/** The answer to the charge itself. */
		ANSWER,
		/** The answer to the payer's verification. */
		VERIFICATION,
		/** The reconciler asked the gateway. */
		RECONCILER,
		/** The reconciler gave up on a verification the payer never completed. */
		EXPIRY

	}

	private record Transition(Set<State> from, State to) {
	}

	private static final Map<ChangeReason, Transition> TABLE = new EnumMap<>(ChangeReason.class);

	static {
		// @formatter:off
		//  event                    from                                             to
		on(STARTED,                 Set.of(NEW),                                      PENDING);
		on(CHARGED,                 Set.of(PENDING),                                  SUCCEEDED);
		on(DECLINED,                Set.of(PENDING),                                  FAILED);
		on(VERIFICATION_REQUIRED,   Set.of(PENDING, UNKNOWN),                         AWAITING_VERIFICATION);
		on(NO_ANSWER,               Set.of(PENDING, AWAITING_VERIFICATION),           UNKNOWN);
		on(NOT_RECORDED,            Set.of(PENDING, AWAITING_VERIFICATION),           UNKNOWN);
		on(VERIFIED,                Set.of(AWAITING_VERIFICATION, UNKNOWN),           SUCCEEDED);
		on(VERIFICATION_FAILED,     Set.of(AWAITING_VERIFICATION, UNKNOWN),           FAILED);
		on(VERIFICATION_EXPIRED,    Set.of(AWAITING_VERIFICATION, UNKNOWN),           FAILED);
		on(RECONCILED_CHARGED,      Set.of(PENDING, AWAITING_VERIFICATION, UNKNOWN),  SUCCEEDED);
		on(RECONCILED_DECLINED,     Set.of(PENDING, UNKNOWN),                         FAILED);
		on(RECONCILED_NOT_RECEIVED, Set.of(PENDING, UNKNOWN),                         FAILED);
		// @formatter:on
	}

	private PaymentStates() {
	}

	private static void on(ChangeReason event, Set<State> from, State to) {
		TABLE.put(event, new Transition(from, to));
	}

	/** The state the event leads to from this one; empty when the event does not apply to it. */
	static Optional<State> next(State from, ChangeReason event) {
		Transition transition = TABLE.get(event);
		return (transition != null && transition.from().contains(from)) ? Optional.of(transition.to())
				: Optional.empty();
	}

	static boolean applies(State from, ChangeReason event) {
		return next(from, event).isPresent();
	}

	/** Which event a gateway answer is, given who asked for it. */
	static ChangeReason eventFor(Source source, ChargeResult answer) {
		return switch (answer.outcome()) {
			case SUCCEEDED -> switch (source) {
				case ANSWER -> CHARGED;
				case VERIFICATION -> VERIFIED;
				case RECONCILER, EXPIRY -> RECONCILED_CHARGED;
			};
			case DECLINED -> switch (source) {
				case ANSWER -> DECLINED;
				case VERIFICATION -> VERIFICATION_FAILED;
				case EXPIRY -> VERIFICATION_EXPIRED;
				// The gateway's "canceled": it never received the charge, and now never will.
				case RECONCILER -> "canceled".equals(answer.declineCode()) ? RECONCILED_NOT_RECEIVED
						: RECONCILED_DECLINED;
			};
			case REQUIRES_VERIFICATION -> VERIFICATION_REQUIRED;
		};
	}

}
