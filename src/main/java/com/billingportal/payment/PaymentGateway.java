package com.billingportal.payment;

import java.util.Optional;

import com.billingportal.money.Money;

/**
 * Port to the payment processor. Every call is keyed by the payment's reference, so asking twice
 * never charges twice. A real processor is added by writing one adapter of this interface (and of
 * {@link com.billingportal.card.CardTokenizer}).
 */
public interface PaymentGateway {

	/**
	 * Charges a tokenized card. Throws {@link GatewayTimeoutException} when no answer came in
	 * time: the charge may or may not have been made.
	 */
	ChargeResult charge(ChargeRequest request);

	/** The payer's answer to the bank's verification (3-D Secure) for a charge that asked for it. */
	ChargeResult completeVerification(String idempotencyKey, boolean verified);

	/** What the processor knows of the charge with this key; empty when it never received it. */
	Optional<ChargeResult> find(String idempotencyKey);

	/**
	 * Makes sure no charge is ever made under this key: answers the charge's result when the
	 * processor received one, or a declined result ({@code canceled}) that stands for good, so
	 * that a request still on its way moves no money when it arrives. Asked by the reconciler
	 * before it lets anyone pay the invoice again.
	 */
	ChargeResult cancel(String idempotencyKey);

	/**
	 * Gives back (part of) a succeeded charge. Keyed by the refund's own reference: asking twice
	 * refunds once. The processor refuses more than what is left of the charge.
	 */
	RefundResult refund(RefundRequest request);

	/**
	 * What the processor knows of the refund with this key (the refund's reference); empty when it
	 * never received it. Asked by the reconciler for a refund whose answer never came.
	 */
	Optional<RefundResult> findRefund(String idempotencyKey);

	/**
	 * Makes sure no refund is ever made under this key: answers the refund's result when the
	 * processor received one, or a failed result ({@code canceled}) that stands for good, so that a
	 * request still on its way gives nothing back when it arrives.
	 */
	RefundResult cancelRefund(String idempotencyKey);

	/** A refund of {@code amount} of the charge made under {@code chargeKey} (the payment's reference). */
	record RefundRequest(String idempotencyKey, String chargeKey, Money amount) {
	}

	record RefundResult(boolean succeeded, String reference, String declineCode) {
	}

	record ChargeRequest(String idempotencyKey, String token, Money amount, String description) {
	}

	record ChargeResult(Outcome outcome, String reference, FailureReason reason, String declineCode) {

		public static ChargeResult succeeded(String reference) {
			return new ChargeResult(Outcome.SUCCEEDED, reference, null, null);
		}

		public static ChargeResult declined(String reference, FailureReason reason, String declineCode) {
			return new ChargeResult(Outcome.DECLINED, reference, reason, declineCode);
		}

		public static ChargeResult requiresVerification(String reference) {
			return new ChargeResult(Outcome.REQUIRES_VERIFICATION, reference, null, null);
		}

	}

	enum Outcome {

		SUCCEEDED, DECLINED, REQUIRES_VERIFICATION

	}

	class GatewayTimeoutException extends RuntimeException {

		public GatewayTimeoutException(String message) {
			super(message);
		}

	}

}
