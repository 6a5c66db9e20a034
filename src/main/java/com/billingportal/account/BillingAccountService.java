package com.billingportal.account;

import java.time.Clock;
import java.util.List;

import com.billingportal.portal.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing accounts and who may do what on them. Every lookup is scoped to the asking user: an
 * account they have no role on is "not found".
 */
@Service
@Transactional(readOnly = true)
public class BillingAccountService {

	private final BillingAccountRepository accounts;

	private final AccessControlService accessControl;

	private final Clock clock;

	private final AccountAccessQuery access;

	BillingAccountService(BillingAccountRepository accounts, AccessControlService accessControl, Clock clock,
			AccountAccessQuery access) {
		this.accounts = accounts;
		this.accessControl = accessControl;
		this.clock = clock;
		this.access = access;
	}

	/**
	 * Opens a Microsoft Customer Agreement account for a user who signs up: they are its billing
	 * account admin and an Owner. Returns the new account's id.
	 */
	@Transactional
	public long open(String name, Address soldTo, long adminUserId) {
		BillingAccount account = this.accounts.save(new BillingAccount(name, AgreementType.MICROSOFT_CUSTOMER_AGREEMENT,
				soldTo, adminUserId, this.clock.instant()));
		this.accessControl.assignAdmin(account.id(), adminUserId);
		return account.id();
	}

	/** Opens an account of any agreement type for a billing system (the API); the admin is an Owner. */
	@Transactional
	public BillingAccount open(String name, AgreementType agreementType, Address soldTo, long adminUserId) {
		BillingAccount account = this.accounts.save(new BillingAccount(name, agreementType, soldTo, adminUserId,
				this.clock.instant()));
		this.accessControl.assignAdmin(account.id(), adminUserId);
		return account;
	}

	/** The account by id, for a caller that decided access itself (the API, by its client's accounts). */
	public BillingAccount account(long accountId) {
		return this.accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Billing account"));
	}

	/** Changes the account as the billing system that owns it says. */
	@Transactional
	public BillingAccount amend(long accountId, String name, AgreementType agreementType, Address soldTo) {
		BillingAccount account = account(accountId);
		account.amend(name, agreementType, soldTo);
		return account;
	}

	public List<AccountAccess> accountsOf(long userId) {
		return this.accounts.findAccessOf(userId);
	}

	/** The user's access to the account, or 404 when they have none ({@link AccountAccessQuery}). */
	public AccountAccess access(long userId, long accountId) {
		return this.access.access(userId, accountId);
	}

	/**
	 * The billing account admin's access to the account: what the portal acts with when it writes
	 * to the account on its own (emails show what the admin would see), or 404.
	 */
	public AccountAccess adminAccess(long accountId) {
		BillingAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("Billing account"));
		return access(account.adminUserId(), accountId);
	}

	/** The account itself, for a user already known to have access to it. */
	public BillingAccount account(AccountAccess access) {
		return this.accounts.findById(access.accountId()).orElseThrow(() -> new NotFoundException("Billing account"));
	}

}
