package com.billingportal.account;

import com.billingportal.portal.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access check every page of an account starts with, as one plain SQL statement outside any
 * transaction: the same answer as {@link BillingAccountService#access(long, long)}.
 */
@Component
public class AccountAccessQuery {

	private static final String SQL = """
			select a.id, a.name, a.agreement_type, r.role, a.admin_user_id
			from billing_account a join role_assignment r on r.billing_account_id = a.id
			where r.user_id = ? and a.id = ?""";

	private final JdbcTemplate jdbc;

	AccountAccessQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's access to the account, or 404 when they have none. */
	public AccountAccess access(long userId, long accountId) {
		AccountAccess access = this.jdbc.query(SQL, rs -> rs.next()
				? new AccountAccess(rs.getLong(1), rs.getString(2), AgreementType.valueOf(rs.getString(3)),
						Role.valueOf(rs.getString(4)), rs.getLong(5) == userId)
				: null, userId, accountId);
		if (access == null) {
			throw new NotFoundException("Billing account");
		}
		return access;
	}

}
