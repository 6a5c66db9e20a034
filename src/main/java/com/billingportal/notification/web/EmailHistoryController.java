package com.billingportal.notification.web;

import com.billingportal.account.AccountAccess;
import com.billingportal.notification.EmailHistory;
import com.billingportal.portal.Pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Email history of a billing account, and each email in it: the billing account admin's alone. */
@Controller
@RequestMapping("/billing/accounts/{accountId}/emails")
class EmailHistoryController {

	private final EmailHistory history;

	EmailHistoryController(EmailHistory history) {
		this.history = history;
	}

	@GetMapping
	String list(AccountAccess access, @RequestParam(name = "page", required = false) String page, Model model) {
		model.addAttribute("emails", this.history.page(access, Pages.number(page)));
		model.addAttribute("access", access);
		return "notification/history";
	}

	@GetMapping("/{emailId}")
	String message(AccountAccess access, @PathVariable long emailId, Model model) {
		model.addAttribute("message", this.history.message(access, emailId));
		model.addAttribute("access", access);
		return "notification/message";
	}

}
