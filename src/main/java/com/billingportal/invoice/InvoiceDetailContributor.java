package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;

import org.springframework.ui.Model;

/**
 * Adds to the invoice detail page what other features know about the invoice (the payments made
 * against it) without the invoice feature depending on them.
 */
public interface InvoiceDetailContributor {

	void contribute(AccountAccess access, Invoice invoice, Model model);

}
