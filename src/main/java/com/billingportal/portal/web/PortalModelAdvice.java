package com.billingportal.portal;

import com.billingportal.payment.PaymentService;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the portal shell shows on every page. */
@ControllerAdvice
class PortalModelAdvice {

	private final PaymentService payments;

	PortalModelAdvice(PaymentService payments) {
		this.payments = payments;
	}

	@ModelAttribute("sandbox")
	boolean sandbox() {
		return this.payments.isSandbox();
	}

}
