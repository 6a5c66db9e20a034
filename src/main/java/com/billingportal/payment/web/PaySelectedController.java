package com.billingportal.payment.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.invoice.InvoiceListQuery;
import com.billingportal.invoice.InvoiceSelection;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.MoneyFormat;
import com.billingportal.payment.Payment;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pay selected and Pay all past due: several invoices of one billing profile and currency paid with
 * one charge. The list's checkboxes and buttons are a plain GET form, so it works without
 * JavaScript. Only the billing account admin may open or post it; whether the invoices can be paid
 * together is {@link InvoiceSelection}'s answer, asked here and again in {@link PaymentService}.
 */
@Controller
@RequestMapping("/billing/accounts/{accountId}/invoices/pay-selected")
class PaySelectedController {

	private final InvoiceService invoices;

	private final PaymentService payments;

	private final PayBlade blade;

	private final PayInvoiceFormValidator validator;

	private final MoneyFormat money;

	PaySelectedController(InvoiceService invoices, PaymentService payments, PayBlade blade,
			PayInvoiceFormValidator validator, MoneyFormat money) {
		this.invoices = invoices;
		this.payments = payments;
		this.blade = blade;
		this.validator = validator;
		this.money = money;
	}

	@GetMapping
	String blade(AccountAccess access, @RequestParam(name = "invoice", required = false) List<String> numbers,
			@RequestParam(name = "pastDue", required = false) String pastDue, InvoiceListQuery list, Model model,
			RedirectAttributes redirect, Locale locale) {
		access.require(Permission.PAY_INVOICES);
		List<String> chosen = (pastDue != null) ? this.invoices.pastDueNumbers(access.accountId(), list.filter().profile())
				: (numbers != null) ? numbers : List.of();
		if (chosen.isEmpty()) {
			Flash.info(redirect, (pastDue != null) ? "paySelected.nonePastDue" : "paySelected.refused.none", null);
			return listOf(access, list);
		}
		InvoiceSelection selection = this.invoices.selection(access, chosen);
		if (!selection.isPayable() && !isAboveCardLimit(selection)) {
			Flash.error(redirect, selection.refusalKey(), argument(selection, locale));
			return listOf(access, list);
		}
		if (isAboveCardLimit(selection)) {
			model.addAttribute("aboveLimit", argument(selection, locale));
		}
		return this.blade.renderSelection(model, access, selection, list, null, null);
	}

	@PostMapping
	String pay(AccountAccess access, @CurrentUser PortalUser user,
			@RequestParam(name = "invoice", required = false) List<String> numbers, InvoiceListQuery list,
			@ModelAttribute("form") PayInvoiceForm form, BindingResult result, Model model,
			RedirectAttributes redirect, Locale locale) {
		access.require(Permission.PAY_INVOICES);
		InvoiceSelection selection = this.invoices.selection(access, (numbers != null) ? numbers : List.of());
		Long cardId = this.validator.validate(form, result);
		if (result.hasErrors() && !selection.isPayable()) {
			Flash.error(redirect, selection.refusalKey(), argument(selection, locale));
			return listOf(access, list);
		}
		if (result.hasErrors()) {
			return this.blade.renderSelection(model, access, selection, list, form.withoutSecrets(form.idempotencyKey()),
					result);
		}
		// Not refused here when the selection is no longer payable: the same form posted again
		// (double click) is answered with its first payment's result, which only the service finds.
		try {
			Payment payment = this.payments.payInvoices(access, user.actor(), selection.numbers(), form.idempotencyKey(),
					cardId, form.choosesNewCard() ? form.newCardOrEmpty() : null);
			return outcome(payment, access, selection, list, form, model, redirect);
		}
		catch (PaymentRefusedException ex) {
			Flash.error(redirect, ex.messageKey(),
					(ex.invoiceNumber() != null) ? ex.invoiceNumber() : argument(selection, locale));
			return listOf(access, list);
		}
	}

	private String outcome(Payment payment, AccountAccess access, InvoiceSelection selection, InvoiceListQuery list,
			PayInvoiceForm form, Model model, RedirectAttributes redirect) {
		switch (payment.status()) {
			case SUCCEEDED -> {
				Flash.success(redirect, "paySelected.success", String.join(", ", selection.numbers()));
				return "redirect:/billing/accounts/" + access.accountId() + "/payments/" + payment.reference()
						+ "/receipt";
			}
			case FAILED -> {
				model.addAttribute("failure", payment);
				return this.blade.renderSelection(model, access, this.invoices.selection(access, selection.numbers()),
						list, form.withoutSecrets(UUID.randomUUID().toString()), null);
			}
			default -> {
				if (payment.isAwaitingVerification()) {
					return "redirect:/billing/accounts/" + access.accountId() + "/payments/" + payment.reference()
							+ "/verify";
				}
				Flash.info(redirect, "paySelected.inProgress", String.join(", ", selection.numbers()));
				return listOf(access, list);
			}
		}
	}

	private static String listOf(AccountAccess access, InvoiceListQuery list) {
		return "redirect:/billing/accounts/" + access.accountId() + "/invoices" + list.queryString();
	}

	private static boolean isAboveCardLimit(InvoiceSelection selection) {
		return "paySelected.refused.aboveCardLimit".equals(selection.refusalKey());
	}

	/** The one argument of the refusal's message: the invoice it names, the card limit, or the cap. */
	private String argument(InvoiceSelection selection, Locale locale) {
		if (selection.refusedInvoice() != null) {
			return selection.refusedInvoice();
		}
		if (selection.cardLimit() != null) {
			return this.money.format(selection.cardLimit(), locale);
		}
		return String.valueOf(InvoiceSelection.MAX_INVOICES);
	}

}
