package com.billingportal.payment.web;

import java.util.Arrays;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Payments page: every attempt on the account, for everyone with access (no actions). */
@Controller
class PaymentsController {

	private final BillingAccountService accounts;

	private final PaymentQueries payments;

	PaymentsController(BillingAccountService accounts, PaymentQueries payments) {
		this.accounts = accounts;
		this.payments = payments;
	}

	@GetMapping("/billing/accounts/{accountId}/payments")
	String list(@CurrentUser PortalUser user, @PathVariable long accountId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String span,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		PaymentStatus st = Arrays.stream(PaymentStatus.values())
			.filter((s) -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		InvoiceFilter.TimeSpan ts = Arrays.stream(InvoiceFilter.TimeSpan.values())
			.filter((s) -> s.name().equals(span))
			.findFirst()
			.orElse(InvoiceFilter.TimeSpan.ALL);
		model.addAttribute("access", access);
		model.addAttribute("status", st);
		model.addAttribute("span", ts);
		model.addAttribute("statuses", PaymentStatus.values());
		model.addAttribute("spans", InvoiceFilter.TimeSpan.values());
		model.addAttribute("payments", this.payments.page(access, st, ts, page));
		return "payment/list";
	}

}
