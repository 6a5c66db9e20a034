package com.billingportal.profile;

import java.util.Currency;
import java.util.List;

import com.billingportal.account.Address;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoices list's profile filter reads an account's profiles as {@link BillingProfileService#profilesOf}
 * does, in its order (by name, then by id: both ask the database for it), and no other account's.
 */
@PortalTest
class ProfileNamesQueryTest {

	@Autowired
	ProfileNamesQuery query;

	@Autowired
	BillingProfileService profiles;

	@Autowired
	DemoData demo;

	@Test
	void everyAccountsProfilesAsJpaReadsThem() {
		long contoso = this.demo.contoso();
		Address address = new Address("Contoso Ltd", "1 Main St", "Redmond", "98052", "US");
		// Equal names (the id decides), a name that sorts before the demo's, and Chinese.
		this.profiles.create(contoso, "Zeta", Currency.getInstance("USD"), address, false);
		this.profiles.create(contoso, "Alpha", Currency.getInstance("USD"), address, false);
		this.profiles.create(contoso, "Alpha", Currency.getInstance("EUR"), address, false);
		this.profiles.create(contoso, "账单资料", Currency.getInstance("CNY"), address, false);
		List<Long> accounts = this.demo.jdbc().queryForList("select id from billing_account order by id", Long.class);
		assertThat(accounts).hasSizeGreaterThan(1);
		for (long account : accounts) {
			List<ProfileNamesQuery.ProfileName> expected = this.profiles.profilesOf(account)
				.stream()
				.map((p) -> new ProfileNamesQuery.ProfileName(p.id(), p.name()))
				.toList();
			assertThat(this.query.namesOf(account)).as("account " + account).isEqualTo(expected);
		}
		assertThat(this.query.namesOf(contoso)).extracting(ProfileNamesQuery.ProfileName::name)
			.contains("Alpha", "Zeta", "账单资料")
			.filteredOn("Alpha"::equals)
			.hasSize(2);
	}

}
