package com.billingportal.profile;

import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.PropertiesContributor;

import org.springframework.stereotype.Component;

/** Properties shows each billing profile's "Automatic payment with the default card". */
@Component
class AutopayFacts implements PropertiesContributor {

	private final BillingProfileService profiles;

	AutopayFacts(BillingProfileService profiles) {
		this.profiles = profiles;
	}

	@Override
	public List<Line> lines(AccountAccess access) {
		return this.profiles.profilesOf(access.accountId())
			.stream()
			.map((p) -> new Line("prop-autopay-" + p.id(), "properties.autopay", p.name(),
					p.autopay() ? "profile.invoiceEmail.on" : "profile.invoiceEmail.off"))
			.toList();
	}

}
