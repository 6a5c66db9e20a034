package com.billingportal.invoice;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;

import org.springframework.ui.Model;

/**
 * Adds to the invoice detail page and PDF what other features know about the invoice (the
 * payments made against it) without the invoice feature depending on them.
 */
public interface InvoiceDetailContributor {

	void contribute(AccountAccess access, Invoice invoice, Model model);

	/** The same, as tables of the invoice's PDF. */
	default List<InvoiceDocumentSection> sections(AccountAccess access, Invoice invoice, Locale locale) {
		return List.of();
	}

}
