package com.billingportal.account;

/**
 * What one user may do on one billing account. The only place permissions are decided: services
 * check it before they change anything, templates read it to show or hide actions.
 */
public record AccountAccess(long accountId, String accountName, AgreementType agreementType, Role role,
		boolean admin) {

	public boolean canViewInvoices() {
		return true;
	}

	/** Paying is the billing account admin's alone, and only on an agreement that takes cards. */
	public boolean canPayInvoices() {
		return this.admin && this.agreementType.allowsCardPayment();
	}

	public boolean canManagePaymentMethods() {
		return this.admin;
	}

	public boolean canManageAccess() {
		return this.admin;
	}

	/** Why {@link #canPayInvoices()} says what it says, as a message key. */
	public String payReasonKey() {
		if (!this.agreementType.allowsCardPayment()) {
			return "access.pay.reason.agreement";
		}
		return this.admin ? "access.pay.reason.admin" : "access.pay.reason.notAdmin";
	}

}
