package com.billingportal.account;

import java.util.List;

import com.billingportal.portal.NotFoundException;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an invoice says of its account reads as JPA reads the account: name and sold-to address. */
@PortalTest
class SoldToQueryTest {

	@Autowired
	SoldToQuery query;

	@Autowired
	BillingAccountService accounts;

	@Autowired
	DemoData demo;

	@Test
	void everyAccountAsJpaReadsIt() {
		// A changed account (as its billing system amends it), with a Chinese name and an empty line.
		long fabrikam = this.demo.fabrikam();
		this.accounts.amend(fabrikam, "法布里坎有限公司", AgreementType.MICROSOFT_CUSTOMER_AGREEMENT,
				new Address("Fabrikam 公司", "", "上海", "200000", "CN"));
		List<Long> ids = this.demo.jdbc().queryForList("select id from billing_account order by id", Long.class);
		assertThat(ids).hasSizeGreaterThan(2);
		for (long id : ids) {
			BillingAccount account = this.accounts.account(id);
			assertThat(this.query.soldTo(id)).as("account " + id)
				.isEqualTo(new SoldToQuery.SoldTo(account.name(), account.soldTo()));
		}
		assertThat(this.query.soldTo(fabrikam).accountName()).isEqualTo("法布里坎有限公司");
	}

	@Test
	void anAccountThatDoesNotExistIsNotFound() {
		long none = this.demo.jdbc().queryForObject("select max(id) + 1 from billing_account", Long.class);
		assertThatThrownBy(() -> this.query.soldTo(none)).isInstanceOf(NotFoundException.class);
	}

}
