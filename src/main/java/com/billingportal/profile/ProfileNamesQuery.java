package com.billingportal.profile;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An account's billing profiles by name, for the invoices list's profile filter (and the Pay now blade,
 * which shows that list behind it): one plain SQL statement, outside any transaction, in the order of
 * {@link BillingProfileService#profilesOf}. Reading the profiles whole through Spring Data and Hibernate
 * for their names was 6 % of the Invoices page in async-profiler (docs/performance.md).
 */
@Component
public class ProfileNamesQuery {

	private static final String SQL = """
			select id, name from billing_profile where billing_account_id = ? order by name asc, id asc""";

	private final JdbcTemplate jdbc;

	ProfileNamesQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<ProfileName> namesOf(long accountId) {
		return this.jdbc.query(SQL, (rs, n) -> new ProfileName(rs.getLong(1), rs.getString(2)), accountId);
	}

	/** A billing profile as a choice in a list: its id and name. */
	public record ProfileName(long id, String name) {
	}

}
