package com.billingportal.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kind which adapter is used ({@code sandbox} is the only one shipped)
 * @param timeout how long the portal waits for the gateway's answer; a slower answer leaves the
 * payment Unknown for the {@link PaymentReconciler}
 * @param sandbox settings of the sandbox adapter
 */
@ConfigurationProperties("billing.gateway")
public record GatewayProperties(@DefaultValue("sandbox") String kind, @DefaultValue("10s") Duration timeout,
		@DefaultValue Sandbox sandbox) {

	/**
	 * @param latency how long the sandbox takes to answer after it has recorded a charge: set it
	 * above {@code billing.gateway.timeout} to see a slow answer turn into an Unknown payment
	 */
	public record Sandbox(@DefaultValue("0s") Duration latency) {
	}

}
