package com.billingportal.payment.web;

import com.billingportal.account.AccountAccess;
import com.billingportal.invoice.InvoiceFilter;
import com.billingportal.payment.PaymentQueries;
import com.billingportal.payment.PaymentStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The Payments page: every attempt on the account, for everyone with access (no actions). */
@Controller
@RequestMapping("/billing/accounts/{accountId}/payments")
class PaymentsController {

	private final PaymentQueries payments;

	PaymentsController(PaymentQueries payments) {
		this.payments = payments;
	}

	@GetMapping
	String list(AccountAccess access, PaymentListQuery query, Model model) {
		model.addAttribute("access", access);
		model.addAttribute("status", query.statusOrAll());
		model.addAttribute("span", query.spanOrAll());
		model.addAttribute("statuses", PaymentStatus.CHOICES);
		model.addAttribute("spans", InvoiceFilter.TimeSpan.CHOICES);
		model.addAttribute("payments",
				this.payments.page(access, query.statusOrAll(), query.spanOrAll(), query.pageNumber()));
		return "payment/list";
	}

}
