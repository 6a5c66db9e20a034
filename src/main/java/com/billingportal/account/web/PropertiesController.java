package com.billingportal.account.web;

import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccount;
import com.billingportal.account.BillingAccountService;
import com.billingportal.account.PropertiesContributor;
import com.billingportal.user.UserService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** An account's properties: who its admin is, your role, and whether you can pay and why. */
@Controller
@RequestMapping("/billing/accounts/{accountId}/properties")
class PropertiesController {

	private final BillingAccountService accounts;

	private final UserService users;

	private final List<PropertiesContributor> contributors;

	PropertiesController(BillingAccountService accounts, UserService users, List<PropertiesContributor> contributors) {
		this.contributors = contributors;
		this.accounts = accounts;
		this.users = users;
	}

	@GetMapping
	String properties(AccountAccess access, Model model) {
		BillingAccount account = this.accounts.account(access);
		model.addAttribute("access", access);
		model.addAttribute("account", account);
		model.addAttribute("admin", this.users.summaries(List.of(account.adminUserId())).get(account.adminUserId()));
		model.addAttribute("lines", this.contributors.stream().flatMap((c) -> c.lines(access).stream()).toList());
		return "account/properties";
	}

}
