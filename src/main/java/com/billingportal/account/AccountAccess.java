package com.billingportal.account;

import java.util.Arrays;
import java.util.List;

import com.billingportal.portal.NotPermittedException;

/**
 * What one user may do on one billing account. The only place permissions are decided: services
 * check it ({@link #require(Permission)}) before they change anything, templates read it to show or
 * hide actions.
 * <p>
 * Every role (Owner, Contributor, Reader) may view the account's invoices, payment methods,
 * billing profiles and role assignments. Paying, managing payment methods, editing billing profiles
 * and managing access are
 * the billing account admin's alone, the admin being the user who signed up for the account: the
 * role only describes the user, it never grants more than viewing.
 */
public record AccountAccess(long accountId, String accountName, AgreementType agreementType, Role role,
		boolean admin) {

	public boolean can(Permission permission) {
		return switch (permission) {
			case VIEW_INVOICES -> true;
			case PAY_INVOICES -> this.admin && this.agreementType.allowsCardPayment();
			case MANAGE_PAYMENT_METHODS, MANAGE_ACCESS, MANAGE_BILLING_PROFILES, VIEW_EMAIL_HISTORY -> this.admin;
		};
	}

	/** Refuses with 403 and the permission's message unless {@link #can(Permission)}. */
	public AccountAccess require(Permission permission) {
		if (!can(permission)) {
			throw new NotPermittedException(permission.refusalKey());
		}
		return this;
	}

	/** The permissions this user has, in the order the Properties page lists them. */
	public List<Permission> permissions() {
		return Arrays.stream(Permission.values()).filter(this::can).toList();
	}

	/** Paying is the billing account admin's alone, and only on an agreement that takes cards. */
	public boolean canPayInvoices() {
		return can(Permission.PAY_INVOICES);
	}

	public boolean canManagePaymentMethods() {
		return can(Permission.MANAGE_PAYMENT_METHODS);
	}

	public boolean canEditBillingProfiles() {
		return can(Permission.MANAGE_BILLING_PROFILES);
	}

	/** Email history shows what was written to everyone on the account: the admin's alone. */
	public boolean canViewEmailHistory() {
		return can(Permission.VIEW_EMAIL_HISTORY);
	}

	public boolean canManageAccess() {
		return can(Permission.MANAGE_ACCESS);
	}

	/** Why {@link #canPayInvoices()} says what it says, as a message key. */
	public String payReasonKey() {
		if (!this.agreementType.allowsCardPayment()) {
			return this.admin ? "access.pay.reason.agreement" : "access.pay.reason.agreementNotAdmin";
		}
		return this.admin ? "access.pay.reason.admin" : "access.pay.reason.notAdmin";
	}

}
