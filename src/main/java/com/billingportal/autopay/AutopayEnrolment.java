package com.billingportal.autopay;

import com.billingportal.invoice.InvoiceIssued;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** An issued invoice of a profile with automatic payment on is enrolled for the job. */
@Component
class AutopayEnrolment {

	private final AutomaticPayments payments;

	AutopayEnrolment(AutomaticPayments payments) {
		this.payments = payments;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InvoiceIssued event) {
		this.payments.enrol(event.accountId(), event.invoiceNumber());
	}

}
