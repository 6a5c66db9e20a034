package com.billingportal.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.billingportal.account.AgreementType;
import com.billingportal.account.BillingAccount;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceLine;
import com.billingportal.invoice.InvoiceStatus;
import com.billingportal.money.Money;
import com.billingportal.payment.Payment;
import com.billingportal.profile.BillingProfile;

/** The JSON the API answers. Amounts are decimal strings with the currency's minor units ("1234.50", "1200" in JPY). */
final class ApiJson {

	private ApiJson() {
	}

	static String decimal(Money money) {
		return money.amount().toPlainString();
	}

	record AddressJson(String company, String line1, String city, String postalCode, String country) {

		static AddressJson of(com.billingportal.account.Address address) {
			return new AddressJson(address.company(), address.line1(), address.city(), address.postalCode(),
					address.country());
		}

	}

	/** {@code adminStatus}: {@code invited} until the admin sets a password through the emailed link, then {@code active}. */
	record AccountJson(String id, long portalId, String name, AgreementType agreementType, String adminEmail,
			String adminStatus, AddressJson soldTo) {

		static AccountJson of(String externalId, BillingAccount account, String adminEmail, String adminStatus) {
			return new AccountJson(externalId, account.id(), account.name(), account.agreementType(), adminEmail,
					adminStatus, AddressJson.of(account.soldTo()));
		}

	}

	record ProfileJson(long id, String name, String currency, AddressJson billTo, String poNumber) {

		static ProfileJson of(BillingProfile profile) {
			return new ProfileJson(profile.id(), profile.name(), profile.currency().getCurrencyCode(),
					AddressJson.of(profile.billTo()), profile.poNumber());
		}

	}

	record LineJson(int lineNo, String service, String description, String quantity, String unit, String unitPrice,
			String amount) {

		static LineJson of(InvoiceLine line) {
			return new LineJson(line.lineNo(), line.serviceName(), line.description(),
					line.quantity().stripTrailingZeros().toPlainString(), line.unit(),
					line.unitPrice().stripTrailingZeros().toPlainString(),
					line.amount().stripTrailingZeros().toPlainString());
		}

	}

	record PaymentJson(String id, String invoice, String account, String status, String amount, String refunded,
			String currency, String failureReason, Instant createdAt, Instant updatedAt) {

		static PaymentJson of(Payment payment, String invoiceNumber, String account) {
			return of(payment, invoiceNumber, account, payment.refunded());
		}

		/**
		 * A payment as one invoice sees it: {@code refunded} is what refunds gave back of this
		 * invoice's part of it (a payment may pay several invoices), not of the whole payment.
		 */
		static PaymentJson of(Payment payment, String invoiceNumber, String account, Money refunded) {
			return new PaymentJson(payment.reference(), invoiceNumber, account, payment.status().name(),
					decimal(payment.amount()), decimal(refunded), payment.amount().currencyCode(),
					(payment.failureReason() != null) ? payment.failureReason().name() : null, payment.createdAt(),
					payment.updatedAt());
		}

	}

	record InvoiceJson(String number, String account, long billingProfileId, LocalDate invoiceDate,
			LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, String currency, String subtotal, String tax,
			String amountDue, String balanceDue, InvoiceStatus status, Instant paidAt, List<LineJson> lines,
			List<PaymentJson> payments) {

		static InvoiceJson of(Invoice invoice, String account, LocalDate today, List<InvoiceLine> lines,
				List<PaymentJson> payments) {
			return new InvoiceJson(invoice.number(), account, invoice.billingProfileId(), invoice.invoiceDate(),
					invoice.periodStart(), invoice.periodEnd(), invoice.dueDate(), invoice.amountDue().currencyCode(),
					decimal(invoice.subtotal()), decimal(invoice.tax()), decimal(invoice.amountDue()),
					decimal(invoice.balanceDue()), invoice.status(today), invoice.paidAt(),
					lines.stream().map(LineJson::of).toList(), payments);
		}

	}

	/**
	 * A refund: status PENDING or UNKNOWN (the gateway has not answered yet, the reconciler will
	 * settle it), SUCCEEDED or FAILED; {@code invoices} says what it gives back to each invoice.
	 */
	record RefundJson(String id, String payment, String status, String amount, String currency, String reason,
			Instant createdAt, List<RefundPartJson> invoices) {

		static RefundJson of(com.billingportal.payment.RefundService.Refunded refunded, String payment) {
			com.billingportal.payment.Refund refund = refunded.refund();
			return new RefundJson(refund.reference(), payment, refund.status().name(), decimal(refund.amount()),
					refund.amount().currencyCode(), refund.reason(), refund.createdAt(),
					refunded.parts()
						.stream()
						.map((p) -> new RefundPartJson(p.invoiceNumber(),
								decimal(com.billingportal.money.Money.of(p.amount(), refund.amount().currencyCode()))))
						.toList());
		}

	}

	/** What a refund gives back to one invoice. */
	record RefundPartJson(String invoice, String amount) {
	}

	record PaymentListJson(List<PaymentJson> data, String nextCursor) {
	}

}
