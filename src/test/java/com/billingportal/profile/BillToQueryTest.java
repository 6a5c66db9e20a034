package com.billingportal.profile;

import java.util.List;
import java.util.Map;

import com.billingportal.portal.NotFoundException;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an invoice says of its billing profile reads as JPA reads the profile: name, bill-to address,
 * PO number, tax ID (set and not set); another account's profile is not found.
 */
@PortalTest
class BillToQueryTest {

	@Autowired
	BillToQuery query;

	@Autowired
	BillingProfileService profiles;

	@Autowired
	DemoData demo;

	@Test
	void everyProfileAsJpaReadsIt() {
		// One profile with a PO number and a tax ID, whatever the demo data sets.
		this.demo.jdbc()
			.update("update billing_profile set po_number = 'PO-4711', tax_id = 'DE123456789' where id = "
					+ "(select min(id) from billing_profile where billing_account_id = ?)", this.demo.contoso());
		List<Map<String, Object>> all = this.demo.jdbc()
			.queryForList("select id, billing_account_id, po_number, tax_id from billing_profile order by id");
		assertThat(all).hasSizeGreaterThan(2);
		assertThat(all).anySatisfy((row) -> assertThat(DemoData.column(row, "tax_id")).isNull());
		assertThat(all).anySatisfy((row) -> assertThat(DemoData.column(row, "po_number")).isNotNull());
		assertThat(all).anySatisfy((row) -> assertThat(DemoData.column(row, "po_number")).isNull());
		assertThat(all).anySatisfy((row) -> assertThat(DemoData.column(row, "tax_id")).isNotNull());
		for (Map<String, Object> row : all) {
			long id = ((Number) DemoData.column(row, "id")).longValue();
			long account = ((Number) DemoData.column(row, "billing_account_id")).longValue();
			BillingProfile profile = this.profiles.profile(account, id);
			assertThat(this.query.billTo(account, id)).as("profile " + id)
				.isEqualTo(new BillToQuery.BillTo(profile.name(), profile.billTo(), profile.poNumber(),
						profile.taxId()));
		}
	}

	@Test
	void anotherAccountsProfileIsNotFound() {
		long fabrikams = this.demo.jdbc()
			.queryForObject("select min(id) from billing_profile where billing_account_id = ?", Long.class,
					this.demo.fabrikam());
		assertThatThrownBy(() -> this.query.billTo(this.demo.contoso(), fabrikams))
			.isInstanceOf(NotFoundException.class);
	}
}
