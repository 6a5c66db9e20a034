package com.billingportal.account.web;

import java.util.Arrays;

import com.billingportal.account.AccessControlService;
import com.billingportal.account.AccessControlService.AccessChangeRefusedException;
import com.billingportal.account.AccountAccess;
import com.billingportal.account.Role;
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

/** Access control (IAM): the account's role assignments; the admin adds and removes them. */
@Controller
@RequestMapping("/billing/accounts/{accountId}/access")
class AccessController {

	private final AccessControlService accessControl;

	AccessController(AccessControlService accessControl) {
		this.accessControl = accessControl;
	}

	@GetMapping
	String list(AccountAccess access, Model model) {
		model.addAttribute("access", access);
		model.addAttribute("assignments", this.accessControl.assignments(access));
		model.addAttribute("roles", Role.values());
		return "account/access";
	}

	@PostMapping
	String add(AccountAccess access, @CurrentUser PortalUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
		try {
			var added = this.accessControl.add(access, user.actor(), email, parseRole(role));
			Flash.success(redirect, "iam.added", added.user().email());
		}
		catch (AccessChangeRefusedException ex) {
			Flash.error(redirect, ex.messageKey(), ex.argument());
		}
		return "redirect:/billing/accounts/" + access.accountId() + "/access";
	}

	@PostMapping("/{assignmentId}/remove")
	String remove(AccountAccess access, @CurrentUser PortalUser user, @PathVariable long assignmentId,
			RedirectAttributes redirect) {
		try {
			var removed = this.accessControl.remove(access, user.actor(), assignmentId);
			Flash.success(redirect, "iam.removed", removed.email());
		}
		catch (AccessChangeRefusedException ex) {
			Flash.error(redirect, ex.messageKey(), ex.argument());
		}
		return "redirect:/billing/accounts/" + access.accountId() + "/access";
	}

	private static Role parseRole(String role) {
		return Arrays.stream(Role.values()).filter((r) -> r.name().equals(role)).findFirst().orElse(null);
	}

}
