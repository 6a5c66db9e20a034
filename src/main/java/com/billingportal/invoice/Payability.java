package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.money.Money;
import com.billingportal.portal.NotPermittedException;

/**
 * The one answer to "can this invoice be paid now, by this user?", asked by the invoices list, the
 * invoice page, the Pay now blade and the payment itself; none of them decides it again.
 *
 * @param verdict what the user may do with the invoice
 * @param reasonKey for {@link Verdict#NOT_ALLOWED}, why (a message key); null otherwise
 */
public record Payability(Verdict verdict, String reasonKey) {

	public enum Verdict {

		/** Due or past due, within the card limit, and the user may pay: the blue Pay now link. */
		PAY_NOW,
		/** Due or past due but above the card limit: paid by wire transfer, not in the portal. */
		WIRE_ONLY,
		/** A payment is in flight; nobody may start another until its outcome is known. */
		IN_PROGRESS, PAID,
		/** Void, or nothing left to pay. */
		VOID,
		/** The invoice could be paid, but not by this user or not on this account's agreement. */
		NOT_ALLOWED

	}

	public static final Payability PAY_NOW = new Payability(Verdict.PAY_NOW, null);

	public static final Payability WIRE_ONLY = new Payability(Verdict.WIRE_ONLY, null);

	public static final Payability IN_PROGRESS = new Payability(Verdict.IN_PROGRESS, null);

	public static final Payability PAID = new Payability(Verdict.PAID, null);

	public static final Payability VOID = new Payability(Verdict.VOID, null);

	/**
	 * The rule. The invoice's state answers first, so that everyone who can see the invoice is told
	 * that it is paid or being paid; then the user's permission; then the card limit.
	 * @param status the status as of today (Past due derived)
	 * @param amountDue what is left to pay: the balance due
	 */
	public static Payability of(InvoiceStatus status, Money amountDue, boolean withinCardLimit, AccountAccess access) {
		return switch (status) {
			case PAID -> PAID;
			case PROCESSING -> IN_PROGRESS;
			case VOID -> VOID;
			case DUE, PAST_DUE, PARTIALLY_PAID -> {
				if (!amountDue.isPositive()) {
					yield VOID;
				}
				if (!access.canPayInvoices()) {
					yield new Payability(Verdict.NOT_ALLOWED, access.payReasonKey());
				}
				yield withinCardLimit ? PAY_NOW : WIRE_ONLY;
			}
		};
	}

	public boolean isPayNow() {
		return this.verdict == Verdict.PAY_NOW;
	}

	public boolean isWireOnly() {
		return this.verdict == Verdict.WIRE_ONLY;
	}

	/** Due and this user may pay it, in full (Pay now) or a part (Pay another amount, above the card limit). */
	public boolean isPayable() {
		return isPayNow() || isWireOnly();
	}

	public boolean isInProgress() {
		return this.verdict == Verdict.IN_PROGRESS;
	}

	public boolean isNotAllowed() {
		return this.verdict == Verdict.NOT_ALLOWED;
	}

	/**
	 * Refuses a user who may not pay this invoice at all (403 with the paying permission's
	 * message); anyone else, whatever the invoice's state, is answered by the verdict itself.
	 * @return this, for chaining
	 */
	public Payability requireAllowed() {
		if (isNotAllowed()) {
			throw new NotPermittedException(Permission.PAY_INVOICES.refusalKey());
		}
		return this;
	}

	/** What the user is told when they try to pay anyway; null for {@link Verdict#PAY_NOW}. */
	public String messageKey() {
		return switch (this.verdict) {
			case PAY_NOW -> null;
			case WIRE_ONLY -> "pay.refused.aboveCardLimit";
			case IN_PROGRESS -> "pay.refused.inProgress";
			case PAID -> "pay.refused.alreadyPaid";
			case VOID -> "pay.refused.notPayable";
			case NOT_ALLOWED -> this.reasonKey;
		};
	}

}
