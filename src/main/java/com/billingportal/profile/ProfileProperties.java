package com.billingportal.profile;

import java.util.List;

import com.billingportal.account.Address;

/** A billing profile's properties once {@link ProfileFormValidator} has accepted and normalised them. */
public record ProfileProperties(String name, Address billTo, String poNumber, String taxId, boolean invoiceEmail,
		List<String> recipients, boolean autopay) {

	public ProfileProperties {
		recipients = List.copyOf(recipients);
	}

}
