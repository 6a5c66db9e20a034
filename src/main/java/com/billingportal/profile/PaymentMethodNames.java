package com.billingportal.profile;

import java.util.Map;

/**
 * The names of an account's saved payment methods as people read them ("Visa •••• 4242"), by id:
 * what the billing profiles page shows of each profile's default. The cards feature answers it,
 * so that profiles depend on cards in no way.
 */
public interface PaymentMethodNames {

	Map<Long, String> namesOf(long accountId);

}
