package com.billingportal.payment;

import java.util.EnumSet;

import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.payment.PaymentStates.Source;
import com.billingportal.payment.PaymentStates.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The payment state table: what moves a payment where, and that nothing moves a settled one. */
class PaymentStatesTest {

	@Test
	void aSettledPaymentNeverChangesAgain() {
		for (ChangeReason event : ChangeReason.values()) {
			assertThat(PaymentStates.next(State.SUCCEEDED, event)).as(event.name()).isEmpty();
			assertThat(PaymentStates.next(State.FAILED, event)).as(event.name()).isEmpty();
		}
	}

	@Test
	void everyEventLeadsSomewhereFromSomewhere() {
		for (ChangeReason event : ChangeReason.values()) {
			if (!event.isStateEvent()) {
				continue;
			}
			assertThat(EnumSet.allOf(State.class)).as(event.name())
				.anyMatch((from) -> PaymentStates.applies(from, event));
		}
	}

	@Test
	void theChargeAnswerSettlesAPendingPaymentOnly() {
		assertThat(PaymentStates.next(State.PENDING, ChangeReason.CHARGED)).contains(State.SUCCEEDED);
		assertThat(PaymentStates.next(State.PENDING, ChangeReason.DECLINED)).contains(State.FAILED);
		// An Unknown payment is settled by the reconciler, which asks the gateway again.
		assertThat(PaymentStates.applies(State.UNKNOWN, ChangeReason.CHARGED)).isFalse();
		assertThat(PaymentStates.next(State.UNKNOWN, ChangeReason.RECONCILED_CHARGED)).contains(State.SUCCEEDED);
	}

	@Test
	void aPaymentAwaitingVerificationWaitsForThePayerOrTheTimeout() {
		assertThat(PaymentStates.next(State.PENDING, ChangeReason.VERIFICATION_REQUIRED))
			.contains(State.AWAITING_VERIFICATION);
		assertThat(PaymentStates.applies(State.AWAITING_VERIFICATION, ChangeReason.VERIFICATION_REQUIRED)).isFalse();
		assertThat(PaymentStates.applies(State.AWAITING_VERIFICATION, ChangeReason.RECONCILED_NOT_RECEIVED)).isFalse();
		assertThat(PaymentStates.next(State.AWAITING_VERIFICATION, ChangeReason.VERIFIED)).contains(State.SUCCEEDED);
		assertThat(PaymentStates.next(State.AWAITING_VERIFICATION, ChangeReason.VERIFICATION_EXPIRED))
			.contains(State.FAILED);
		// Found again after a lost answer: back to the payer.
		assertThat(PaymentStates.next(State.UNKNOWN, ChangeReason.VERIFICATION_REQUIRED))
			.contains(State.AWAITING_VERIFICATION);
	}

	@Test
	void noAnswerMakesAnOpenPaymentUnknownOnce() {
		assertThat(PaymentStates.next(State.PENDING, ChangeReason.NO_ANSWER)).contains(State.UNKNOWN);
		assertThat(PaymentStates.next(State.AWAITING_VERIFICATION, ChangeReason.NO_ANSWER)).contains(State.UNKNOWN);
		assertThat(PaymentStates.applies(State.UNKNOWN, ChangeReason.NO_ANSWER)).isFalse();
	}

	@Test
	void theSameAnswerIsADifferentEventDependingOnWhoAskedForIt() {
		ChargeResult charged = ChargeResult.succeeded("ch_1");
		ChargeResult declined = ChargeResult.declined("ch_2", FailureReason.BANK_DECLINED, "card_declined");
		ChargeResult cancelled = ChargeResult.declined(null, FailureReason.OTHER, "canceled");
		assertThat(PaymentStates.eventFor(Source.ANSWER, charged)).isEqualTo(ChangeReason.CHARGED);
		assertThat(PaymentStates.eventFor(Source.VERIFICATION, charged)).isEqualTo(ChangeReason.VERIFIED);
		assertThat(PaymentStates.eventFor(Source.EXPIRY, charged)).isEqualTo(ChangeReason.RECONCILED_CHARGED);
		assertThat(PaymentStates.eventFor(Source.ANSWER, declined)).isEqualTo(ChangeReason.DECLINED);
		assertThat(PaymentStates.eventFor(Source.EXPIRY, declined)).isEqualTo(ChangeReason.VERIFICATION_EXPIRED);
		assertThat(PaymentStates.eventFor(Source.RECONCILER, declined)).isEqualTo(ChangeReason.RECONCILED_DECLINED);
		assertThat(PaymentStates.eventFor(Source.RECONCILER, cancelled))
			.isEqualTo(ChangeReason.RECONCILED_NOT_RECEIVED);
	}

}
