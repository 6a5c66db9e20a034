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
		if (form.paysPart() && part(form) == null) {
			errors.rejectValue("amount", "pay.part.invalid");
		}
		return method(form, errors);
	}

	/** The part typed, as a number ("1,234.50" and "1234.5" alike), or null when it is not one. */
	static java.math.BigDecimal part(PayInvoiceForm form) {
		if (!form.paysPart()) {
			return null;
		}
		String typed = form.amount().trim().replace(",", "");
		if (!typed.matches("[0-9]{1,15}(\\.[0-9]{1,8})?")) {
			return null;
		}
		return new java.math.BigDecimal(typed);
	}

	private Long method(PayInvoiceForm form, Errors errors) {
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
