package com.billingportal.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pendingGrace how long a Pending payment may wait for its gateway answer before the
 * reconciler asks the gateway about it (a node may have stopped mid-payment)
 * @param verificationTimeout how long the payer has to complete a bank verification
 * @param reconcileInterval how often the reconciler runs
 * @param pageSize payments per page of the Payments page
 */
@ConfigurationProperties("billing.payments")
public record PaymentProperties(@DefaultValue("2m") Duration pendingGrace,
		@DefaultValue("15m") Duration verificationTimeout, @DefaultValue("1m") Duration reconcileInterval,
		@DefaultValue("10") int pageSize) {

	public PaymentProperties {
		if (pageSize < 1 || pageSize > 1000) {
			throw new IllegalArgumentException("billing.payments.page-size must be between 1 and 1000, not " + pageSize);
		}
	}

}
