package com.billingportal.profile;

import java.util.List;

import com.billingportal.portal.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class BillingProfileService {

	private final BillingProfileRepository profiles;

	BillingProfileService(BillingProfileRepository profiles) {
		this.profiles = profiles;
	}

	public List<BillingProfile> profilesOf(long accountId) {
		return this.profiles.findByBillingAccountIdOrderByNameAsc(accountId);
	}

	public BillingProfile profile(long accountId, long profileId) {
		return this.profiles.findByIdAndBillingAccountId(profileId, accountId)
			.orElseThrow(() -> new NotFoundException("Billing profile"));
	}

	/** Makes the card the profile's default payment method (in the caller's transaction). */
	@Transactional
	public void makeDefault(long accountId, long profileId, long cardId) {
		profile(accountId, profileId).makeDefault(cardId);
	}

}
