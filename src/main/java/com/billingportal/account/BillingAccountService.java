package com.billingportal.account;

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

	BillingAccountService(BillingAccountRepository accounts) {
		this.accounts = accounts;
	}

	public List<AccountAccess> accountsOf(long userId) {
		return this.accounts.findAccessOf(userId);
	}

	/** The user's access to the account, or 404 when they have none. */
	public AccountAccess access(long userId, long accountId) {
		return this.accounts.findAccessOf(userId, accountId)
			.orElseThrow(() -> new NotFoundException("Billing account"));
	}

	/** The account itself, for a user already known to have access to it. */
	public BillingAccount account(AccountAccess access) {
		return this.accounts.findById(access.accountId()).orElseThrow(() -> new NotFoundException("Billing account"));
	}

}
