package com.billingportal.payment.web;

import java.util.List;
import java.util.UUID;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.account.Permission;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.card.NewCardValidator;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.invoice.InvoiceListView;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.Payability;
import com.billingportal.payment.BankVerification;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentRefusedException;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.payment.PaymentReconciler;
import com.billingportal.payment.PaymentService;
import com.billingportal.portal.CountryList;
import com.billingportal.portal.Flash;
import com.billingportal.profile.BillingProfile;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Pay now blade, opened beside the invoices list, and the bank's verification step. Paying is
 * refused here and again in {@link PaymentService} for anyone but the billing account admin.
 */
@Controller
class PayController {

	private static final String BLADE = "payment/pay";

	private final BillingAccountService accounts;

	private final InvoiceService invoices;

	private final InvoiceListView listView;

	private final BillingProfileService profiles;

	private final CardService cards;

	private final NewCardValidator cardValidator;

	private final PaymentService payments;

	private final PaymentQueries queries;

	private final PaymentReconciler reconciler;

	private final BankVerification verification;

	PayController(BillingAccountService accounts, InvoiceService invoices, InvoiceListView listView,
			BillingProfileService profiles, CardService cards, NewCardValidator cardValidator,
			PaymentService payments, PaymentQueries queries, PaymentReconciler reconciler,
			BankVerification verification) {
		this.accounts = accounts;
		this.invoices = invoices;
		this.listView = listView;
		this.profiles = profiles;
		this.cards = cards;
		this.cardValidator = cardValidator;
		this.payments = payments;
		this.queries = queries;
		this.reconciler = reconciler;
		this.verification = verification;
	}

	@GetMapping("/billing/accounts/{accountId}/invoices/{number}/pay")
	String blade(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable String number,
			@RequestParam(required = false) String profile, @RequestParam(required = false) String status,
			@RequestParam(required = false) String span, @RequestParam(defaultValue = "0") int page, Model model,
			RedirectAttributes redirect) {
		AccountAccess access = payerAccess(user, accountId);
		Invoice invoice = this.invoices.invoice(accountId, number);
		InvoiceFilter filter = InvoiceListView.filter(profile, status, span);
		Payability payability = this.invoices.payability(access, invoice);
		if (payability.isInProgress()) {
			// Opening the blade starts a new attempt: an earlier one whose outcome is lost is settled first.
			this.reconciler.reconcileBeforeNewAttempt(invoice);
			invoice = this.invoices.invoice(accountId, number);
			payability = this.invoices.payability(access, invoice);
		}
		if (!payability.isPayNow()) {
			Flash.info(redirect, payability.messageKey(), invoice.number());
			return "redirect:/billing/accounts/" + accountId + "/invoices" + InvoiceListView.query(filter, page);
		}
		BillingProfile billingProfile = this.profiles.profile(accountId, invoice.billingProfileId());
		PayInvoiceForm form = PayInvoiceForm.fresh(UUID.randomUUID().toString(),
				defaultSelectableCard(accountId, billingProfile));
		return renderBlade(model, access, invoice, billingProfile, filter, page, form, null);
	}

	@PostMapping("/billing/accounts/{accountId}/invoices/{number}/pay")
	String pay(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable String number,
			@RequestParam(required = false) String profile, @RequestParam(required = false) String status,
			@RequestParam(required = false) String span, @RequestParam(defaultValue = "0") int page,
			@ModelAttribute("form") PayInvoiceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		AccountAccess access = payerAccess(user, accountId);
		Invoice invoice = this.invoices.invoice(accountId, number);
		InvoiceFilter filter = InvoiceListView.filter(profile, status, span);
		String listUrl = "redirect:/billing/accounts/" + accountId + "/invoices" + InvoiceListView.query(filter, page);
		BillingProfile billingProfile = this.profiles.profile(accountId, invoice.billingProfileId());
		Long cardId = validate(form, result);
		if (result.hasErrors()) {
			return renderBlade(model, access, invoice, billingProfile, filter, page,
					form.withoutSecrets(form.idempotencyKey()), result);
		}
		Payment payment;
		try {
			payment = this.payments.pay(access, actor(user), number, form.idempotencyKey(), cardId,
					form.choosesNewCard() ? form.newCardOrEmpty() : null);
		}
		catch (PaymentRefusedException ex) {
			if (ex.closesBlade()) {
				Flash.info(redirect, ex.messageKey(), invoice.number());
				return listUrl;
			}
			model.addAttribute("refusal", ex.messageKey());
			return renderBlade(model, access, invoice, billingProfile, filter, page,
					form.withoutSecrets(UUID.randomUUID().toString()), null);
		}
		switch (payment.status()) {
			case SUCCEEDED -> {
				Flash.success(redirect, "pay.success", invoice.number());
				return listUrl;
			}
			case FAILED -> {
				model.addAttribute("failure", payment);
				// A new attempt is a new payment: the blade gets a fresh idempotency key.
				return renderBlade(model, access, this.invoices.invoice(accountId, number), billingProfile, filter,
						page, form.withoutSecrets(UUID.randomUUID().toString()), null);
			}
			default -> {
				if (payment.requiresAction()) {
					return "redirect:/billing/accounts/" + accountId + "/payments/" + payment.reference() + "/verify";
				}
				Flash.info(redirect, "pay.refused.inProgress", invoice.number());
				return listUrl;
			}
		}
	}

	@GetMapping("/billing/accounts/{accountId}/payments/{reference}/verify")
	String verification(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable String reference,
			Model model, RedirectAttributes redirect) {
		AccountAccess access = payerAccess(user, accountId);
		Payment payment = this.queries.payment(access, reference);
		if (!payment.isAwaitingVerification()) {
			return "redirect:/billing/accounts/" + accountId + "/invoices";
		}
		model.addAttribute("access", access);
		model.addAttribute("payment", payment);
		model.addAttribute("card", this.cards.cardsById(List.of(payment.cardId())).get(0));
		return "payment/verify";
	}

	@PostMapping("/billing/accounts/{accountId}/payments/{reference}/verify")
	String verify(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable String reference,
			@RequestParam(defaultValue = "") String decision, RedirectAttributes redirect) {
		AccountAccess access = payerAccess(user, accountId);
		Payment payment = this.verification.complete(access, actor(user), reference, "complete".equals(decision));
		String listUrl = "redirect:/billing/accounts/" + accountId + "/invoices";
		switch (payment.status()) {
			case SUCCEEDED -> Flash.success(redirect, "pay.success", invoiceNumberOf(accountId, payment));
			case FAILED -> Flash.error(redirect, "pay.verification.failed", invoiceNumberOf(accountId, payment));
			default -> Flash.info(redirect, "pay.refused.inProgress", invoiceNumberOf(accountId, payment));
		}
		return listUrl;
	}

	private String invoiceNumberOf(long accountId, Payment payment) {
		return this.invoices.numberOf(accountId, payment.invoiceId());
	}

	/** Only the billing account admin may open the blade or pay: refused on the server, whatever the page showed. */
	private AccountAccess payerAccess(PortalUser user, long accountId) {
		return this.accounts.access(user.id(), accountId).require(Permission.PAY_INVOICES);
	}

	private static Actor actor(PortalUser user) {
		return new Actor(user.id(), user.email());
	}

	/** The chosen card id, or null for a new card; errors go to the binding result. */
	private Long validate(PayInvoiceForm form, BindingResult result) {
		if (form.paymentMethod() == null || form.paymentMethod().isBlank()) {
			result.rejectValue("paymentMethod", "pay.method.required");
			return null;
		}
		if (form.choosesNewCard()) {
			result.pushNestedPath("newCard");
			this.cardValidator.validate(form.newCardOrEmpty(), result);
			result.popNestedPath();
			return null;
		}
		if (!form.paymentMethod().matches("[0-9]{1,18}")) {
			result.rejectValue("paymentMethod", "pay.method.required");
			return null;
		}
		return Long.valueOf(form.paymentMethod());
	}

	private Long defaultSelectableCard(long accountId, BillingProfile profile) {
		Long id = profile.defaultCardId();
		if (id == null) {
			return null;
		}
		return this.cards.cardsOf(accountId)
			.stream()
			.filter((c) -> c.id().equals(id) && !c.isExpiredAt(this.cards.currentMonth()))
			.map(CreditCard::id)
			.findFirst()
			.orElse(null);
	}

	private String renderBlade(Model model, AccountAccess access, Invoice invoice, BillingProfile profile,
			InvoiceFilter filter, int page, PayInvoiceForm form, BindingResult errors) {
		this.listView.populate(model, access, filter, page);
		model.addAttribute("invoice", invoice);
		model.addAttribute("invoiceStatus", invoice.status(this.invoices.today()));
		model.addAttribute("billingProfile", profile);
		model.addAttribute("cards", this.cards.cardsOf(access.accountId()));
		model.addAttribute("currentMonth", this.cards.currentMonth());
		// The page gets a copy of the form without card number and CVC; errors found on the
		// posted form are carried over to it.
		BindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
		model.addAttribute("countries", CountryList.countries());
		return BLADE;
	}

}
