package com.billingportal.payment;

import java.util.Optional;

import com.billingportal.payment.gateway.SandboxGateway;

/**
 * The sandbox gateway with faults a test switches on: the request lost on its way (the sandbox
 * never hears of the charge), or the answer lost on its way back (the sandbox charged).
 */
class FaultyGateway implements PaymentGateway {

	enum Fault {

		NONE, REQUEST_LOST, ANSWER_LOST

	}

	private final SandboxGateway sandbox;

	private volatile Fault fault = Fault.NONE;

	FaultyGateway(SandboxGateway sandbox) {
		this.sandbox = sandbox;
	}

	void fail(Fault fault) {
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

}
