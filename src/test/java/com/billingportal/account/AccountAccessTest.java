package com.billingportal.account;

import java.util.List;

import com.billingportal.portal.NotPermittedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The permission matrix of docs/security.md, decided in one place. */
class AccountAccessTest {

	private static final AgreementType MCA = AgreementType.MICROSOFT_CUSTOMER_AGREEMENT;

	private static final AgreementType MOSP = AgreementType.MICROSOFT_ONLINE_SERVICES_PROGRAM;

	@ParameterizedTest(name = "{0} admin={1} on {2}: view={3} pay={4} cards={5} access={6}")
	@CsvSource({
			// role, admin, agreement, view, pay, manage payment methods, manage access
			"OWNER,       true,  MICROSOFT_CUSTOMER_AGREEMENT,      true, true,  true,  true",
			"OWNER,       false, MICROSOFT_CUSTOMER_AGREEMENT,      true, false, false, false",
			"CONTRIBUTOR, false, MICROSOFT_CUSTOMER_AGREEMENT,      true, false, false, false",
			"READER,      false, MICROSOFT_CUSTOMER_AGREEMENT,      true, false, false, false",
			"OWNER,       true,  MICROSOFT_ONLINE_SERVICES_PROGRAM, true, false, true,  true",
			"READER,      false, MICROSOFT_ONLINE_SERVICES_PROGRAM, true, false, false, false",
			"OWNER,       true,  ENTERPRISE_AGREEMENT,              true, false, true,  true" })
	void permissionMatrix(Role role, boolean admin, AgreementType agreement, boolean view, boolean pay,
			boolean cards, boolean access) {
		AccountAccess a = new AccountAccess(1, "Contoso", agreement, role, admin);
		assertThat(a.can(Permission.VIEW_INVOICES)).isEqualTo(view);
		assertThat(a.can(Permission.PAY_INVOICES)).isEqualTo(pay).isEqualTo(a.canPayInvoices());
		assertThat(a.can(Permission.MANAGE_PAYMENT_METHODS)).isEqualTo(cards).isEqualTo(a.canManagePaymentMethods());
		assertThat(a.can(Permission.MANAGE_ACCESS)).isEqualTo(access).isEqualTo(a.canManageAccess());
	}

	@Test
	void requireRefusesWithThePermissionsOwnMessage() {
		AccountAccess reader = new AccountAccess(1, "Contoso", MCA, Role.READER, false);
		assertThatThrownBy(() -> reader.require(Permission.PAY_INVOICES)).isInstanceOf(NotPermittedException.class)
			.extracting((e) -> ((NotPermittedException) e).messageKey())
			.isEqualTo("error.pay.notAdmin");
		assertThatThrownBy(() -> reader.require(Permission.MANAGE_ACCESS))
			.extracting((e) -> ((NotPermittedException) e).messageKey())
			.isEqualTo("error.access.notAdmin");
		assertThat(reader.require(Permission.VIEW_INVOICES)).isSameAs(reader);
	}

	@Test
	void theReasonForPayingSaysWhyInTheProductsWords() {
		assertThat(new AccountAccess(1, "C", MCA, Role.OWNER, true).payReasonKey()).isEqualTo("access.pay.reason.admin");
		assertThat(new AccountAccess(1, "C", MCA, Role.OWNER, false).payReasonKey())
			.isEqualTo("access.pay.reason.notAdmin");
		assertThat(new AccountAccess(3, "N", MOSP, Role.OWNER, true).payReasonKey())
			.isEqualTo("access.pay.reason.agreement");
		assertThat(new AccountAccess(3, "N", MOSP, Role.READER, false).payReasonKey())
			.isEqualTo("access.pay.reason.agreementNotAdmin");
	}

	@Test
	void permissionsListsWhatTheUserMayDo() {
		assertThat(new AccountAccess(1, "C", MCA, Role.READER, false).permissions())
			.isEqualTo(List.of(Permission.VIEW_INVOICES));
		assertThat(new AccountAccess(1, "C", MCA, Role.OWNER, true).permissions())
			.containsExactly(Permission.values());
	}

}
