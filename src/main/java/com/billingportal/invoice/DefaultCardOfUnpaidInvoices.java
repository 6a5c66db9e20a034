package com.billingportal.invoice;

import java.util.List;

import com.billingportal.card.CardInUse;
import com.billingportal.card.PaymentMethodService.Reason;
import com.billingportal.profile.BillingProfileService;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A card stays while it is the default payment method of a profile with invoices still to pay. */
@Component
@Order(1)
class DefaultCardOfUnpaidInvoices implements CardInUse {

	private final BillingProfileService profiles;

	private final InvoiceRepository invoices;

	DefaultCardOfUnpaidInvoices(BillingProfileService profiles, InvoiceRepository invoices) {
		this.profiles = profiles;
		this.invoices = invoices;
	}

	@Override
	public List<Reason> reasonsToKeep(long accountId, long cardId) {
		return this.profiles.profilesDefaultingTo(accountId, cardId)
			.stream()
			.filter((profile) -> this.invoices.existsByBillingAccountIdAndBillingProfileIdAndStatusIn(accountId,
					profile.id(), List.of(InvoiceStatus.DUE, InvoiceStatus.PROCESSING)))
			.map((profile) -> new Reason("methods.delete.reason.defaultWithDue", profile.name()))
			.toList();
	}

}
