package com.billingportal.autopay;

/** Where an invoice's automatic payment stands. */
enum AutopayOutcome {

	/** An attempt is due at next_attempt_at. */
	WAITING,
	/** An automatic attempt paid the invoice. */
	PAID,
	/** The invoice was paid another way (or is no longer payable): no attempt remains. */
	CANCELLED,
	/** The last retry was declined. */
	GAVE_UP

}
