package com.billingportal.portal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One option of a list's filter (a status, a time span): its constant, whose name the form sends,
 * and the message key of its words. Every filter's options are of this one type, so that a template
 * fragment shared by several lists (the Invoices' statuses, the Payments') evaluates its expressions
 * on one type: Thymeleaf caches an expression once by its text for every template, and its compiled
 * SpEL code holds the type it was compiled for; given another, it falls back and compiles again after
 * a hundred more evaluations, into a new class each time (see {@code TemplateExpressionCache}).
 */
public record Choice(Enum<?> constant, String messageKey) {

	/** The options of an enum's constants, in their declared order. */
	public static <E extends Enum<E>> List<Choice> of(E[] constants, Function<E, String> messageKey) {
		return Arrays.stream(constants).map((c) -> new Choice(c, messageKey.apply(c))).toList();
	}

	/** What the form sends for this option: the constant's name. */
	public String value() {
		return this.constant.name();
	}

	/** Whether {@code chosen} (null: none) is this option's constant. */
	public boolean is(Object chosen) {
		return this.constant == chosen;
	}

}
