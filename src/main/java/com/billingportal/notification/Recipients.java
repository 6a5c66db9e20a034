package com.billingportal.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.user.UserService;
import com.billingportal.user.UserService.UserSummary;

import org.springframework.stereotype.Component;

/**
 * Who an email goes to, each in their language: a user's saved language, English for an address
 * that is nobody's in the portal. The same address is written to once per event.
 */
@Component
class Recipients {

	private final BillingAccountService accounts;

	private final BillingProfileService profiles;

	private final UserService users;

	Recipients(BillingAccountService accounts, BillingProfileService profiles, UserService users) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.users = users;
	}

	/** What the portal sees when it writes to the account on its own: the admin's view. */
	AccountAccess adminAccess(long accountId) {
		return this.accounts.adminAccess(accountId);
	}

	String adminAddress(long accountId) {
		long admin = this.accounts.account(adminAccess(accountId)).adminUserId();
		return userAddress(admin);
	}

	String userAddress(long userId) {
		UserSummary user = this.users.summaries(List.of(userId)).get(userId);
		return (user != null) ? user.email() : null;
	}

	/** The profile's additional recipients when its Invoice email preference is on, else none. */
	List<String> profileRecipients(long accountId, long profileId) {
		BillingProfile profile = this.profiles.profileWithRecipients(accountId, profileId);
		return profile.invoiceEmail() ? profile.recipients() : List.of();
	}

	/** The addresses, each once, in their readers' languages. */
	List<Recipient> of(Collection<String> addresses) {
		Set<String> distinct = new LinkedHashSet<>();
		addresses.stream().filter((a) -> a != null && !a.isBlank()).forEach(distinct::add);
		Map<String, Locale> languages = this.users.languagesOf(distinct);
		List<Recipient> recipients = new ArrayList<>();
		for (String address : distinct) {
			recipients.add(new Recipient(address, languages.getOrDefault(address, Locale.ENGLISH)));
		}
		return recipients;
	}

}
