package com.billingportal.api;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import com.billingportal.account.Address;
import com.billingportal.account.AdminInvitations;
import com.billingportal.account.AgreementType;
import com.billingportal.account.BillingAccount;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService;
import com.billingportal.portal.NotFoundException;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.user.EmailAddress;
import com.billingportal.user.UserService;
import com.billingportal.user.UserService.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing accounts of an API client: each is reached only through the client's own id for it
 * ({@code api_account}); an account of another client, or one no client created, is "not found".
 * <p>
 * The admin: an account is opened with the portal user whose email the request names as its
 * billing account admin. An address nobody signs in with yet becomes a user who is invited to set
 * a password ({@link AdminInvitations}: an email with a link); until then the admin's status is
 * {@code invited}. Upserting the account again invites nobody twice. The admin is never changed
 * through the API.
 */
@Service
@Transactional(readOnly = true)
public class ApiAccounts {

	private final ApiAccountRepository links;

	private final BillingAccountService accounts;

	private final BillingProfileService profiles;

	private final UserService users;

	private final AuditService audit;

	private final AdminInvitations invitations;

	ApiAccounts(ApiAccountRepository links, BillingAccountService accounts, BillingProfileService profiles,
			UserService users, AuditService audit, AdminInvitations invitations) {
		this.links = links;
		this.accounts = accounts;
		this.profiles = profiles;
		this.users = users;
		this.audit = audit;
		this.invitations = invitations;
	}

	/** The id of the client's account with this external id, or 404. */
	public long accountId(ApiClient client, String externalId) {
		return this.links.findByClientAndExternalId(client.name(), externalId)
			.map(ApiAccount::billingAccountId)
			.orElseThrow(() -> new NotFoundException("Billing account"));
	}

	/** The client's external id of an account it reaches; empty: not one of the client's. */
	public Optional<String> externalId(ApiClient client, long accountId) {
		return this.links.findByClientAndBillingAccountId(client.name(), accountId).map(ApiAccount::externalId);
	}

	/** Every account the client reaches: its id → the client's external id for it. */
	public java.util.Map<Long, String> accounts(ApiClient client) {
		return this.links.findByClient(client.name())
			.stream()
			.collect(java.util.stream.Collectors.toMap(ApiAccount::billingAccountId, ApiAccount::externalId));
	}

	/** Creates or changes the client's account with this external id. */
	@Transactional
	public Upserted upsert(ApiClient client, String externalId, AccountRequest request) {
		Optional<ApiAccount> link = this.links.findByClientAndExternalId(client.name(), externalId);
		String email = adminAddress(request.adminEmail());
		if (link.isPresent()) {
			BillingAccount account = this.accounts.account(link.get().billingAccountId());
			Optional<UserSummary> admin = this.users.findByEmail(email);
			if (admin.isEmpty() || account.adminUserId() != admin.get().id()) {
				throw new AdminChangeRefused();
			}
			this.accounts.amend(account.id(), request.name(), request.agreementType(), request.soldTo());
			this.audit.record(client.actor(), "ACCOUNT_UPDATED", "BillingAccount", account.id(), account.id(),
					"through the API, " + externalId);
			this.invitations.renewIfExpired(account, client.actor());
			return new Upserted(account, false);
		}
		Optional<UserSummary> existing = this.users.findByEmail(email);
		long adminId = existing.map(UserSummary::id).orElseGet(() -> this.users.createInvited(email));
		BillingAccount account = this.accounts.open(request.name(), request.agreementType(), request.soldTo(), adminId);
		this.links.save(new ApiAccount(account.id(), client.name(), externalId));
		this.profiles.create(account.id(), request.name(), request.currency(), request.soldTo(),
				request.agreementType() == AgreementType.MICROSOFT_CUSTOMER_AGREEMENT);
		this.audit.record(client.actor(), "ACCOUNT_OPENED", "BillingAccount", account.id(), account.id(),
				"through the API, " + externalId + ", admin " + email);
		if (existing.isEmpty() || this.invitations.awaitsPassword(adminId)) {
			this.invitations.invite(account, email, client.actor());
		}
		return new Upserted(account, true);
	}

	/** The account's billing profiles. */
	public List<BillingProfile> profiles(long accountId) {
		return this.profiles.profilesOf(accountId);
	}

	/** Adds a billing profile to the account. */
	@Transactional
	public BillingProfile addProfile(ApiClient client, long accountId, String name, Currency currency, Address billTo) {
		long id = this.profiles.create(accountId, name, currency, billTo, false);
		this.audit.record(client.actor(), "BILLING_PROFILE_CREATED", "BillingProfile", id, accountId, "through the API");
		return this.profiles.profile(accountId, id);
	}

	public String adminEmail(BillingAccount account) {
		return this.users.summaries(List.of(account.adminUserId())).get(account.adminUserId()).email();
	}

	/** {@code invited} while the admin has not set a password through the emailed link; else {@code active}. */
	public String adminStatus(BillingAccount account) {
		return this.invitations.adminStatus(account);
	}

	private static String adminAddress(String email) {
		EmailAddress.Parsed parsed = EmailAddress.parse(email);
		if (!parsed.isValid()) {
			throw new AdminEmailInvalid();
		}
		return parsed.address().value();
	}

	/** What a billing system says about an account. */
	public record AccountRequest(String name, AgreementType agreementType, Currency currency, String adminEmail,
			Address soldTo) {
	}

	public record Upserted(BillingAccount account, boolean created) {
	}

	/** The admin's address is not one the portal accepts (hidden or look-alike characters among others). */
	public static class AdminEmailInvalid extends RuntimeException {

		public AdminEmailInvalid() {
			super("The admin's email is not an address the portal accepts");
		}

	}

	public static class AdminChangeRefused extends RuntimeException {

		public AdminChangeRefused() {
			super("The billing account admin is the user who signed for the account and is not changed through the API");
		}

	}

}
