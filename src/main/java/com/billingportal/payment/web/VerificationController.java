package com.billingportal.payment.web;


import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.card.CardService;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.invoice.Payability;
import com.billingportal.payment.BankVerification;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.portal.Flash;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bank's verification step (3-D Secure) of a payment, as the sandbox shows it to the payer. */
@Controller
@RequestMapping("/billing/accounts/{accountId}/payments/{reference}/verify")
class VerificationController {

	private final PaymentQueries payments;

	private final BankVerification verification;

	private final InvoiceService invoices;

	private final CardService cards;

	VerificationController(PaymentQueries payments, BankVerification verification, InvoiceService invoices,
			CardService cards) {
		this.payments = payments;
		this.verification = verification;
		this.invoices = invoices;
		this.cards = cards;
	}

	@GetMapping
	String verification(AccountAccess access, @PathVariable String reference, Model model) {
		access.require(Permission.PAY_INVOICES);
		Payment payment = this.payments.payment(access, reference);
		if (!payment.isAwaitingVerification()) {
			return "redirect:/billing/accounts/" + access.accountId() + "/invoices";
		}
		model.addAttribute("access", access);
		model.addAttribute("payment", payment);
		model.addAttribute("card", this.cards.cardOf(access.accountId(), payment.cardId()));
		return "payment/verify";
	}

	@PostMapping
	String verify(AccountAccess access, @CurrentUser PortalUser user, @PathVariable String reference,
			@RequestParam(defaultValue = "") String decision, RedirectAttributes redirect) {
		access.require(Permission.PAY_INVOICES);
		Payment payment = this.verification.complete(access, user.actor(), reference, "complete".equals(decision));
		String number = this.invoices.numberOf(access.accountId(), payment.invoiceId());
		switch (payment.status()) {
			case SUCCEEDED -> Flash.success(redirect, "pay.success", number);
			case FAILED -> Flash.error(redirect, "pay.verification.failed", number);
			default -> Flash.info(redirect, Payability.IN_PROGRESS.messageKey(), number);
		}
		return "redirect:/billing/accounts/" + access.accountId() + "/invoices";
	}

}
