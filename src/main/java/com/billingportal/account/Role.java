package com.billingportal.account;

public enum Role {

	OWNER, CONTRIBUTOR, READER;

	public String messageKey() {
		return "role." + name();
	}

}
