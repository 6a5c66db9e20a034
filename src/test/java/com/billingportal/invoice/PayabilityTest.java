package com.billingportal.invoice;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.AgreementType;
import com.billingportal.account.Role;
import com.billingportal.invoice.Payability.Verdict;
import com.billingportal.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** "Can this invoice be paid now, by this user?", answered once for every page and the payment. */
class PayabilityTest {

	static final AccountAccess ADMIN = new AccountAccess(1, "Contoso", AgreementType.MICROSOFT_CUSTOMER_AGREEMENT,
			Role.OWNER, true);

	static final AccountAccess READER = new AccountAccess(1, "Contoso",
			AgreementType.MICROSOFT_CUSTOMER_AGREEMENT, Role.READER, false);

	static final AccountAccess PAY_AS_YOU_GO_ADMIN = new AccountAccess(3, "Northwind",
			AgreementType.MICROSOFT_ONLINE_SERVICES_PROGRAM, Role.OWNER, true);

	static final Money DUE = Money.of("106.00", "USD");

	@Test
	void onlyDueAndPastDueArePayable() {
		assertThat(Payability.of(InvoiceStatus.DUE, DUE, true, ADMIN).isPayNow()).isTrue();
		assertThat(Payability.of(InvoiceStatus.PAST_DUE, DUE, true, ADMIN).isPayNow()).isTrue();
		assertThat(Payability.of(InvoiceStatus.PROCESSING, DUE, true, ADMIN).isPayNow()).isFalse();
		assertThat(Payability.of(InvoiceStatus.PAID, DUE, true, ADMIN).isPayNow()).isFalse();
		assertThat(Payability.of(InvoiceStatus.VOID, DUE, true, ADMIN).isPayNow()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "DUE, true, PAY_NOW, ", "PAST_DUE, true, PAY_NOW, ", "DUE, false, WIRE_ONLY, pay.refused.aboveCardLimit",
			"PROCESSING, true, IN_PROGRESS, pay.refused.inProgress", "PAID, true, PAID, pay.refused.alreadyPaid",
			"VOID, true, VOID, pay.refused.notPayable" })
	void theAdminIsToldWhatTheInvoiceAllows(InvoiceStatus status, boolean withinCardLimit, Verdict verdict,
			String messageKey) {
		Payability payability = Payability.of(status, DUE, withinCardLimit, ADMIN);
		assertThat(payability.verdict()).isEqualTo(verdict);
		assertThat(payability.messageKey()).isEqualTo(messageKey);
	}

	@Test
	void whoMayNotPayIsToldWhyOnlyWhileTheInvoiceIsOpen() {
		assertThat(Payability.of(InvoiceStatus.PAST_DUE, DUE, true, READER))
			.isEqualTo(new Payability(Verdict.NOT_ALLOWED, "access.pay.reason.notAdmin"));
		assertThat(Payability.of(InvoiceStatus.DUE, DUE, false, READER).verdict()).isEqualTo(Verdict.NOT_ALLOWED);
		assertThat(Payability.of(InvoiceStatus.DUE, DUE, true, PAY_AS_YOU_GO_ADMIN))
			.isEqualTo(new Payability(Verdict.NOT_ALLOWED, "access.pay.reason.agreement"));
		// Everyone who can see the invoice is told that it is paid or being paid.
		assertThat(Payability.of(InvoiceStatus.PROCESSING, DUE, true, READER)).isEqualTo(Payability.IN_PROGRESS);
		assertThat(Payability.of(InvoiceStatus.PAID, DUE, true, READER)).isEqualTo(Payability.PAID);
	}

	@Test
	void aDueInvoiceWithNothingToPayCannotBePaid() {
		assertThat(Payability.of(InvoiceStatus.DUE, Money.of("0.00", "USD"), true, ADMIN)).isEqualTo(Payability.VOID);
	}

}
