package com.billingportal.portal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One option of a list's filter (a status, a time span): the value the form sends and the message
 * key of its words. Every filter's options are of this one type, so that a template fragment shared
 * by several lists (the Invoices' statuses, the Payments') evaluates its expressions on one type:
 * Thymeleaf caches an expression once by its text for every template, and its compiled SpEL code
 * holds the type it was compiled for; given another, it falls back and compiles again after a
 * hundred more evaluations, into a new class each time (see {@code TemplateExpressionCache}).
 */
public record Choice(String value, String messageKey) {

	/** The options of an enum's constants, in their declared order. */
	public static <E extends Enum<E>> List<Choice> of(E[] constants, Function<E, String> messageKey) {
		return Arrays.stream(constants).map((c) -> new Choice(c.name(), messageKey.apply(c))).toList();
	}

	/** Whether this is the chosen option ({@code chosen} may be null: none). */
	public boolean is(Enum<?> chosen) {
		return chosen != null && chosen.name().equals(this.value);
	}

}
