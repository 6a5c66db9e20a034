package com.billingportal.payment;

import java.util.List;

import com.billingportal.card.CardInUse;
import com.billingportal.card.PaymentMethodService.Reason;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A card stays while a payment with it is in flight: Pending (or awaiting verification) or
 * Unknown, whose outcome may still charge it.
 */
@Component
@Order(2)
class CardOfPaymentInFlight implements CardInUse {

	private final PaymentRepository payments;

	CardOfPaymentInFlight(PaymentRepository payments) {
		this.payments = payments;
	}

	@Override
	public List<Reason> reasonsToKeep(long accountId, long cardId) {
		boolean inFlight = this.payments.existsByBillingAccountIdAndCardIdAndStatusIn(accountId, cardId,
				List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN));
		return inFlight ? List.of(new Reason("methods.delete.reason.inFlight", null)) : List.of();
	}

}
