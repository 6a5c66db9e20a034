package com.billingportal.payment.web;

import java.util.UUID;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.Invoice;
import com.billingportal.invoice.InvoiceListQuery;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.Payability;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentReconciler;
import com.billingportal.payment.PaymentRefusedException;
import com.billingportal.payment.PaymentService;
import com.billingportal.portal.Flash;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Pay now blade, opened beside the invoices list. Paying is refused here and again in
 * {@link PaymentService} for anyone but the billing account admin; whether the invoice can be paid
 * now is its {@link Payability}.
 */
@Controller
@RequestMapping("/billing/accounts/{accountId}/invoices/{number}/pay")
class PayController {

	private final InvoiceService invoices;

	private final PaymentService payments;

	private final PaymentReconciler reconciler;

	private final PayBlade blade;

	private final PayInvoiceFormValidator validator;

	PayController(InvoiceService invoices, PaymentService payments, PaymentReconciler reconciler, PayBlade blade,
			PayInvoiceFormValidator validator) {
		this.invoices = invoices;
		this.payments = payments;
		this.reconciler = reconciler;
		this.blade = blade;
		this.validator = validator;
	}

	@GetMapping
	String blade(AccountAccess access, @PathVariable String number, InvoiceListQuery list, Model model,
			RedirectAttributes redirect) {
		Invoice invoice = this.invoices.invoice(access.accountId(), number);
		Payability payability = this.invoices.payability(access, invoice).requireAllowed();
		if (payability.isInProgress()) {
			// Opening the blade starts a new attempt: an earlier one whose outcome is lost is settled first.
			this.reconciler.reconcileBeforeNewAttempt(invoice);
			invoice = this.invoices.invoice(access.accountId(), number);
			payability = this.invoices.payability(access, invoice);
		}
		if (!payability.isPayable()) {
			Flash.info(redirect, payability.messageKey(), invoice.number());
			return listOf(access, list);
		}
		return this.blade.renderFresh(model, access, invoice, list);
	}

	@PostMapping
	String pay(AccountAccess access, @CurrentUser PortalUser user, @PathVariable String number,
			InvoiceListQuery list, @ModelAttribute("form") PayInvoiceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Invoice invoice = this.invoices.invoice(access.accountId(), number);
		this.invoices.payability(access, invoice).requireAllowed();
		Long cardId = this.validator.validate(form, result);
		if (result.hasErrors()) {
			return this.blade.render(model, access, invoice, list, form.withoutSecrets(form.idempotencyKey()), result);
		}
		try {
			Payment payment = this.payments.pay(access, user.actor(), number, form.idempotencyKey(), cardId,
					form.choosesNewCard() ? form.newCardOrEmpty() : null, PayInvoiceFormValidator.part(form));
			return outcome(payment, access, number, list, form, model, redirect);
		}
		catch (PaymentRefusedException ex) {
			if (ex.closesBlade()) {
				Flash.info(redirect, ex.messageKey(), invoice.number());
				return listOf(access, list);
			}
			model.addAttribute("refusal", ex.messageKey());
			return this.blade.render(model, access, invoice, list, form.withoutSecrets(newKey()), null);
		}
	}

	private String outcome(Payment payment, AccountAccess access, String number, InvoiceListQuery list,
			PayInvoiceForm form, Model model, RedirectAttributes redirect) {
		switch (payment.status()) {
			case SUCCEEDED -> Flash.success(redirect,
					this.invoices.invoice(access.accountId(), number).isPartiallyPaid() ? "pay.part.success" : "pay.success",
					number);
			case FAILED -> {
				model.addAttribute("failure", payment);
				// A new attempt is a new payment: the blade gets a fresh idempotency key.
				return this.blade.render(model, access, this.invoices.invoice(access.accountId(), number), list,
						form.withoutSecrets(newKey()), null);
			}
			default -> {
				if (payment.isAwaitingVerification()) {
					return "redirect:/billing/accounts/" + access.accountId() + "/payments/" + payment.reference()
							+ "/verify";
				}
				Flash.info(redirect, Payability.IN_PROGRESS.messageKey(), number);
			}
		}
		return listOf(access, list);
	}

	private static String listOf(AccountAccess access, InvoiceListQuery list) {
		return "redirect:/billing/accounts/" + access.accountId() + "/invoices" + list.queryString();
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

}
