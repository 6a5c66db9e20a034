package com.billingportal.account;

public enum AgreementType {

	MICROSOFT_CUSTOMER_AGREEMENT, MICROSOFT_ONLINE_SERVICES_PROGRAM, ENTERPRISE_AGREEMENT;

	/** Only a Microsoft Customer Agreement invoice can be paid by card in the portal. */
	public boolean allowsCardPayment() {
		return this == MICROSOFT_CUSTOMER_AGREEMENT;
	}

	public String messageKey() {
		return "agreement." + name();
	}

}
