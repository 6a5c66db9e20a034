package com.billingportal.account;

import java.util.List;

/**
 * Lines other modules add to an account's Properties page (the account module cannot ask them):
 * each a label (a message key with one argument) and a value (a message key).
 */
public interface PropertiesContributor {

	List<Line> lines(AccountAccess access);

	record Line(String id, String labelKey, String labelArgument, String valueKey) {
	}

}
