package com.billingportal.home;

import java.util.List;
import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.autopay.AutomaticPayments;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.money.MoneyFormat;
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

	private final MoneyFormat money;

	private final AutomaticPayments autopay;

	BillingController(BillingAccountService accounts, InvoiceService invoices, PaymentQueries payments,
			MoneyFormat money, AutomaticPayments autopay) {
		this.autopay = autopay;
		this.money = money;
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
	String overview(AccountAccess access, Model model, Locale locale) {
		model.addAttribute("access", access);
		model.addAttribute("balance", this.invoices.balanceDue(access.accountId()));
		model.addAttribute("pastDue", this.invoices.pastDueCount(access.accountId()));
		model.addAttribute("paymentProblem", this.payments.hasFailedPaymentOnOpenInvoice(access.accountId()));
		model.addAttribute("autopayFailed", this.autopay.gaveUpUnpaid(access.accountId()));
		model.addAttribute("charts", this.invoices.chargesByMonth(access.accountId())
			.stream()
			.map((c) -> ChargesChart.of(c, this.money, locale))
			.toList());
		return "home/overview";
	}

}
