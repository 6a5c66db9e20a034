package com.billingportal.payment.web;

import java.util.List;
import java.util.UUID;

import com.billingportal.account.AccountAccess;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceListQuery;
import com.billingportal.invoice.InvoiceListView;
import com.billingportal.invoice.InvoiceSelection;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.Payability;
import com.billingportal.money.Money;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.portal.CountryList;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** The Pay now blade's page: the invoices list with the blade open beside it. */
@Component
class PayBlade {

	static final String VIEW = "payment/pay";

	static final String SELECTION_VIEW = "payment/pay-selected";

	private final InvoiceListView listView;

	private final InvoiceService invoices;

	private final BillingProfileService profiles;

	private final CardService cards;

	private final PaymentQueries payments;

	PayBlade(InvoiceListView listView, InvoiceService invoices, BillingProfileService profiles, CardService cards,
			PaymentQueries payments) {
		this.listView = listView;
		this.payments = payments;
		this.invoices = invoices;
		this.profiles = profiles;
		this.cards = cards;
	}

	/**
	 * The page with a new form: a new idempotency key, the profile's default card chosen unless it
	 * has expired. The profile and the cards are read once, for the form and for the page.
	 */
	String renderFresh(Model model, AccountAccess access, Invoice invoice, InvoiceListQuery list) {
		BillingProfile profile = this.profiles.profile(access.accountId(), invoice.billingProfileId());
		List<CreditCard> cards = this.cards.cardsOf(access.accountId());
		PayInvoiceForm form = PayInvoiceForm.fresh(UUID.randomUUID().toString(), selectableDefault(profile, cards));
		return render(model, access, invoice, profile, cards, list, form, null);
	}

	/**
	 * The page with this form; errors found on the posted form are carried over to it. The form
	 * shown never holds the card number or CVC.
	 */
	String render(Model model, AccountAccess access, Invoice invoice, InvoiceListQuery list, PayInvoiceForm form,
			BindingResult errors) {
		return render(model, access, invoice, this.profiles.profile(access.accountId(), invoice.billingProfileId()),
				this.cards.cardsOf(access.accountId()), list, form, errors);
	}

	/**
	 * The Pay selected blade: the invoices, their total and the same payment-method choice. A fresh
	 * form (null) gets a new idempotency key and the profile's default card.
	 */
	String renderSelection(Model model, AccountAccess access, InvoiceSelection selection, InvoiceListQuery list,
			PayInvoiceForm posted, BindingResult errors) {
		BillingProfile profile = this.profiles.profile(access.accountId(),
				selection.invoices().get(0).billingProfileId());
		List<CreditCard> cards = this.cards.cardsOf(access.accountId());
		PayInvoiceForm form = (posted != null) ? posted : PayInvoiceForm.fresh(UUID.randomUUID().toString(),
				selectableDefault(profile, cards));
		model.addAttribute("selection", selection);
		model.addAttribute("selectedNumbers", selection.numbers());
		model.addAttribute("today", this.invoices.today());
		renderMethods(model, access, profile, cards, list, form, errors);
		return SELECTION_VIEW;
	}

	private Long selectableDefault(BillingProfile profile, List<CreditCard> cards) {
		Long defaultCard = profile.defaultCardId();
		return cards.stream()
			.filter((c) -> c.id().equals(defaultCard) && !c.isExpiredAt(this.cards.currentMonth()))
			.map(CreditCard::id)
			.findFirst()
			.orElse(null);
	}

	private String render(Model model, AccountAccess access, Invoice invoice, BillingProfile profile,
			List<CreditCard> cards, InvoiceListQuery list, PayInvoiceForm form, BindingResult errors) {
		model.addAttribute("invoice", invoice);
		model.addAttribute("invoiceStatus", invoice.status(this.invoices.today()));
		Payability payability = this.invoices.payability(access, invoice);
		model.addAttribute("payability", payability);
		// The payment asks the same question before it accepts a part.
		model.addAttribute("partOffered", this.payments.offersPart(payability, invoice, this.invoices.partPayment()));
		model.addAttribute("partMinimum", this.invoices.partPayment().minimum(invoice.balanceDue()));
		Money balance = invoice.balanceDue();
		Money limit = this.invoices.cardLimit(invoice);
		model.addAttribute("partMaximum", balance.isGreaterThan(limit) ? limit : balance);
		renderMethods(model, access, profile, cards, list, form, errors);
		return VIEW;
	}

	private void renderMethods(Model model, AccountAccess access, BillingProfile profile, List<CreditCard> cards,
			InvoiceListQuery list, PayInvoiceForm form, BindingResult errors) {
		this.listView.populate(model, access, list);
		model.addAttribute("billingProfile", profile);
		model.addAttribute("cards", cards);
		model.addAttribute("currentMonth", this.cards.currentMonth());
		BindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
		model.addAttribute("countries", CountryList.options());
	}

}
