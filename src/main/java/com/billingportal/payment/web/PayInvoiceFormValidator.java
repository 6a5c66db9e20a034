package com.billingportal.payment.web;

import com.billingportal.card.NewCardValidator;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** Checks the Pay now form: a payment method chosen, and a new card's details when it is new. */
@Component
class PayInvoiceFormValidator {

	private final NewCardValidator cards;

	PayInvoiceFormValidator(NewCardValidator cards) {
		this.cards = cards;
	}

	/** The chosen saved card's id, or null for a new card or when the form has errors. */
	Long validate(PayInvoiceForm form, Errors errors) {
		if (form.paymentMethod() == null || form.paymentMethod().isBlank()) {
			errors.rejectValue("paymentMethod", "pay.method.required");
			return null;
		}
		if (form.choosesNewCard()) {
			errors.pushNestedPath("newCard");
			this.cards.validate(form.newCardOrEmpty(), errors);
			errors.popNestedPath();
			return null;
		}
		if (!form.paymentMethod().matches("[0-9]{1,18}")) {
			errors.rejectValue("paymentMethod", "pay.method.required");
			return null;
		}
		return Long.valueOf(form.paymentMethod());
	}

}
