package com.billingportal.payment;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.payment.PaymentGateway.ChargeResult;
import com.billingportal.payment.PaymentStates.Source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The payer's answer to the bank's verification step (3-D Secure), passed on to the gateway. */
@Service
public class BankVerification {

	private static final Logger log = LoggerFactory.getLogger(BankVerification.class);

	private final PaymentQueries queries;

	private final PaymentGateway gateway;

	private final GatewayCalls calls;

	private final PaymentSettlement settlement;

	BankVerification(PaymentQueries queries, PaymentGateway gateway, GatewayCalls calls,
			PaymentSettlement settlement) {
		this.queries = queries;
		this.gateway = gateway;
		this.calls = calls;
		this.settlement = settlement;
	}

	/** The payment after the answer; unchanged when it was not awaiting verification any more. */
	public Payment complete(AccountAccess access, Actor actor, String paymentReference, boolean verified) {
		access.require(Permission.PAY_INVOICES);
		Payment payment = this.queries.payment(access, paymentReference);
		if (!payment.isAwaitingVerification()) {
			return payment;
		}
		ChargeResult answer;
		try {
			answer = this.calls.call(() -> this.gateway.completeVerification(payment.reference(), verified));
		}
		catch (RuntimeException ex) {
			log.warn("No answer from the gateway for verification of {}: {}", payment.reference(), ex.getMessage());
			return this.settlement.markUnknown(payment.id(), actor, ChangeReason.NO_ANSWER);
		}
		return this.settlement.settle(payment.id(), answer, actor, Source.VERIFICATION);
	}

}
