package com.billingportal.account;

/**
 * What a user can do on a billing account. {@link AccountAccess#can(Permission)} decides each one;
 * the message key says, in the product's words, why it is refused.
 */
public enum Permission {

	VIEW_INVOICES("error.403.message"), PAY_INVOICES("error.pay.notAdmin"),
	MANAGE_PAYMENT_METHODS("error.cards.notAdmin"), MANAGE_ACCESS("error.access.notAdmin"),
	MANAGE_BILLING_PROFILES("error.profiles.notAdmin"), VIEW_EMAIL_HISTORY("error.emails.notAdmin");

	private final String refusalKey;

	Permission(String refusalKey) {
		this.refusalKey = refusalKey;
	}

	/** The message shown when this permission is refused. */
	public String refusalKey() {
		return this.refusalKey;
	}

	public String messageKey() {
		return "permission." + name();
	}

}
