package com.billingportal.support;

import java.util.Optional;

import com.billingportal.payment.PaymentGateway;
import com.billingportal.payment.gateway.SandboxGateway;

/**
 * The sandbox gateway with faults a test switches on: the request lost on its way (the sandbox
 * never hears of the charge), or the answer lost on its way back (the sandbox charged). Without a
 * fault it is the sandbox itself.
 */
public class FaultyGateway implements PaymentGateway {

	public enum Fault {

		NONE, REQUEST_LOST, ANSWER_LOST

	}

	private final SandboxGateway sandbox;

	private volatile Fault fault = Fault.NONE;

	public FaultyGateway(SandboxGateway sandbox) {
		this.sandbox = sandbox;
	}

	public void fail(Fault fault) {
		this.fault = fault;
	}

	@Override
	public ChargeResult charge(ChargeRequest request) {
		if (this.fault == Fault.REQUEST_LOST) {
			throw new GatewayTimeoutException("test: request lost");
		}
		ChargeResult result = this.sandbox.charge(request);
		if (this.fault == Fault.ANSWER_LOST) {
			throw new GatewayTimeoutException("test: answer lost");
		}
		return result;
	}

	@Override
	public ChargeResult completeVerification(String idempotencyKey, boolean verified) {
		return this.sandbox.completeVerification(idempotencyKey, verified);
	}

	@Override
	public Optional<ChargeResult> find(String idempotencyKey) {
		return this.sandbox.find(idempotencyKey);
	}

	@Override
	public ChargeResult cancel(String idempotencyKey) {
		return this.sandbox.cancel(idempotencyKey);
	}

	@Override
	public RefundResult refund(RefundRequest request) {
		if (this.fault == Fault.REQUEST_LOST) {
			throw new GatewayTimeoutException("test: refund request lost");
		}
		RefundResult result = this.sandbox.refund(request);
		if (this.fault == Fault.ANSWER_LOST) {
			throw new GatewayTimeoutException("test: refund answer lost");
		}
		return result;
	}

	@Override
	public Optional<RefundResult> findRefund(String idempotencyKey) {
		return this.sandbox.findRefund(idempotencyKey);
	}

	@Override
	public RefundResult cancelRefund(String idempotencyKey) {
		return this.sandbox.cancelRefund(idempotencyKey);
	}

}
