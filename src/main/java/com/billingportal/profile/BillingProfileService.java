package com.billingportal.profile;

import java.util.Currency;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Address;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.portal.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class BillingProfileService {

	private final BillingProfileRepository profiles;

	private final ProfileFormValidator validator;

	private final AuditService audit;

	BillingProfileService(BillingProfileRepository profiles, ProfileFormValidator validator, AuditService audit) {
		this.profiles = profiles;
		this.validator = validator;
		this.audit = audit;
	}

	public List<BillingProfile> profilesOf(long accountId) {
		return this.profiles.findByBillingAccountIdOrderByNameAscIdAsc(accountId);
	}

	public BillingProfile profile(long accountId, long profileId) {
		return this.profiles.findByIdAndBillingAccountId(profileId, accountId)
			.orElseThrow(() -> new NotFoundException("Billing profile"));
	}

	/** The account's profiles with their additional recipients, which {@link #profilesOf} leaves unread. */
	public List<BillingProfile> profilesWithRecipientsOf(long accountId) {
		return this.profiles.findWithRecipientsByBillingAccountIdOrderByNameAscIdAsc(accountId);
	}

	/** The profile with its additional recipients, or 404. */
	public BillingProfile profileWithRecipients(long accountId, long profileId) {
		return this.profiles.findWithRecipientsByIdAndBillingAccountId(profileId, accountId)
			.orElseThrow(() -> new NotFoundException("Billing profile"));
	}

	/**
	 * Creates a billing profile: the first one of an account that was just opened. An MCA profile
	 * has automatic payment with the default card on (as Azure's), charged once it has a default card.
	 */
	@Transactional
	public long create(long accountId, String name, Currency currency, Address billTo, boolean mca) {
		BillingProfile profile = new BillingProfile(accountId, name, currency, billTo, null);
		if (mca) {
			profile.turnOnAutopay();
		}
		return this.profiles.save(profile).id();
	}

	/** The account's profiles whose default payment method is this card. */
	public List<BillingProfile> profilesDefaultingTo(long accountId, long cardId) {
		return profilesOf(accountId).stream()
			.filter((p) -> Long.valueOf(cardId).equals(p.defaultCardId()))
			.toList();
	}

	/** Profiles that defaulted to a deleted card have no default payment method any more. */
	@Transactional
	public void clearDefault(long accountId, long cardId) {
		profilesDefaultingTo(accountId, cardId).forEach(BillingProfile::clearDefault);
	}

	/** True when the card is the default payment method of one of the account's profiles. */
	public boolean isDefaultAnywhere(long accountId, long cardId) {
		return profilesOf(accountId).stream().anyMatch((p) -> Long.valueOf(cardId).equals(p.defaultCardId()));
	}

	/** Makes the card the profile's default payment method (in the caller's transaction). */
	@Transactional
	public void makeDefault(long accountId, long profileId, long cardId) {
		// Locked, not versioned: a payment settling while the admin picks a default must not fail.
		this.profiles.lockByIdAndAccount(profileId, accountId)
			.orElseThrow(() -> new NotFoundException("Billing profile"))
			.makeDefault(cardId);
	}

	/**
	 * Saves the properties the billing account admin edited ("Edit billing profile"); anyone else is
	 * refused with 403, another account's profile is 404. The form must have passed
	 * {@link ProfileFormValidator}. A change is a PROFILE_EDITED audit event naming the fields that
	 * changed, not their values.
	 */
	@Transactional
	public BillingProfile edit(AccountAccess access, Actor actor, long profileId, ProfileForm form) {
		BillingProfile profile = this.profiles.lockByIdAndAccount(profileId, access.accountId())
			.orElseThrow(() -> new NotFoundException("Billing profile"));
		access.require(Permission.MANAGE_BILLING_PROFILES);
		List<String> changed = profile.edit(this.validator.properties(form));
		if (!changed.isEmpty()) {
			this.profiles.flush();
			this.audit.record(actor, "PROFILE_EDITED", "BillingProfile", profile.id(), access.accountId(),
					"changed: " + String.join(", ", changed));
		}
		return profile;
	}

}
