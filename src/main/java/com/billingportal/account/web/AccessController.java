package com.billingportal.account.web;

import java.util.Arrays;

import com.billingportal.account.AccessControlService;
import com.billingportal.account.AccessControlService.AccessChangeRefusedException;
import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.account.Role;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.portal.Flash;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Access control (IAM): the account's role assignments; the admin adds and removes them. */
@Controller
class AccessController {

	private final BillingAccountService accounts;

	private final AccessControlService accessControl;

	AccessController(BillingAccountService accounts, AccessControlService accessControl) {
		this.accounts = accounts;
		this.accessControl = accessControl;
	}

	@GetMapping("/billing/accounts/{accountId}/access")
	String list(@CurrentUser PortalUser user, @PathVariable long accountId, Model model) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		model.addAttribute("access", access);
		model.addAttribute("assignments", this.accessControl.assignments(access));
		model.addAttribute("roles", Role.values());
		return "account/access";
	}

	@PostMapping("/billing/accounts/{accountId}/access")
	String add(@CurrentUser PortalUser user, @PathVariable long accountId,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
			RedirectAttributes redirect) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		try {
			var added = this.accessControl.add(access, actor(user), email, parseRole(role));
			Flash.success(redirect, "iam.added", added.user().email());
		}
		catch (AccessChangeRefusedException ex) {
			Flash.error(redirect, ex.messageKey(), ex.argument());
		}
		return "redirect:/billing/accounts/" + accountId + "/access";
	}

	@PostMapping("/billing/accounts/{accountId}/access/{assignmentId}/remove")
	String remove(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable long assignmentId,
			RedirectAttributes redirect) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		try {
			var removed = this.accessControl.remove(access, actor(user), assignmentId);
			Flash.success(redirect, "iam.removed", removed.email());
		}
		catch (AccessChangeRefusedException ex) {
			Flash.error(redirect, ex.messageKey(), ex.argument());
		}
		return "redirect:/billing/accounts/" + accountId + "/access";
	}

	private static Role parseRole(String role) {
		return Arrays.stream(Role.values()).filter((r) -> r.name().equals(role)).findFirst().orElse(null);
	}

	private static Actor actor(PortalUser user) {
		return new Actor(user.id(), user.email());
	}

}
