package com.billingportal.home;

import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Cost Management + Billing: the billing scopes, and one account's overview. */
@Controller
@RequestMapping("/billing")
class BillingController {

	private final BillingAccountService accounts;

	private final InvoiceService invoices;

	private final PaymentQueries payments;

	BillingController(BillingAccountService accounts, InvoiceService invoices, PaymentQueries payments) {
		this.accounts = accounts;
		this.invoices = invoices;
		this.payments = payments;
	}

	@GetMapping
	String scopes(@CurrentUser PortalUser user, Model model) {
		List<AccountAccess> mine = this.accounts.accountsOf(user.id());
		if (mine.size() == 1) {
			return "redirect:/billing/accounts/" + mine.get(0).accountId();
		}
		model.addAttribute("accounts", mine);
		return "home/scopes";
	}

	@GetMapping("/accounts/{accountId}")
	String overview(AccountAccess access, Model model) {
		model.addAttribute("access", access);
		model.addAttribute("balance", this.invoices.balanceDue(access.accountId()));
		model.addAttribute("pastDue", this.invoices.pastDueCount(access.accountId()));
		model.addAttribute("paymentProblem", this.payments.hasFailedPaymentOnOpenInvoice(access.accountId()));
		return "home/overview";
	}

}
