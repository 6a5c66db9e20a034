package com.billingportal.profile;

import java.util.Objects;

/**
 * "Edit billing profile": the profile's properties as typed. Text fields, checked by
 * {@link ProfileFormValidator}; the additional recipients are one address per line (commas and
 * semicolons separate them too).
 */
public record ProfileForm(String name, String company, String line1, String city, String postalCode,
		String country, String poNumber, String taxId, Boolean invoiceEmail, String recipients,
		Boolean autopay) {

	public static ProfileForm of(BillingProfile profile) {
		var billTo = profile.billTo();
		return new ProfileForm(profile.name(), billTo.company(), billTo.line1(), billTo.city(), billTo.postalCode(),
				billTo.country(), profile.poNumber(), profile.taxId(), profile.invoiceEmail(),
				String.join("\n", profile.recipients()), profile.autopay());
	}

	/** "Automatic payment with the default card"; an unticked check box sends nothing: off. */
	public boolean autopayOn() {
		return Objects.equals(this.autopay, Boolean.TRUE);
	}

	/** An unticked check box sends nothing: off. */
	public boolean invoiceEmailOn() {
		return Objects.equals(this.invoiceEmail, Boolean.TRUE);
	}

}
