package com.billingportal.account.web;

import java.util.Arrays;

import com.billingportal.account.AccessControlService;
import com.billingportal.account.AccessControlService.AccessChangeRefusedException;
import com.billingportal.account.AccountAccess;
import com.billingportal.account.InvitationService;
import com.billingportal.account.Role;
import com.billingportal.portal.Flash;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.EmailAddress;
import com.billingportal.user.PortalUser;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Access control (IAM): the account's role assignments and the invitations that wait for an
 * answer; the admin invites, revokes invitations and removes assignments.
 */
@Controller
@RequestMapping("/billing/accounts/{accountId}/access")
class AccessController {

	private final AccessControlService accessControl;

	private final InvitationService invitations;

	AccessController(AccessControlService accessControl, InvitationService invitations) {
		this.accessControl = accessControl;
		this.invitations = invitations;
	}

	@GetMapping
	String list(AccountAccess access, Model model) {
		model.addAttribute("access", access);
		model.addAttribute("assignments", this.accessControl.assignments(access));
		model.addAttribute("invitations", this.invitations.pending(access));
		model.addAttribute("roles", Role.values());
		return "account/access";
	}

	/** "Add role assignment": invites the address; the role exists once the invitee accepts. */
	@PostMapping
	String add(AccountAccess access, @CurrentUser PortalUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
		try {
			var invited = this.invitations.invite(access, user.actor(), email, parseRole(role));
			Flash.success(redirect, "iam.invited", invited.email());
		}
		catch (AccessChangeRefusedException ex) {
			Flash.error(redirect, ex.messageKey(), ex.argument());
		}
		catch (DataIntegrityViolationException ex) {
			// The same address invited a moment ago, in another request.
			Flash.error(redirect, "iam.error.alreadyInvited", EmailAddress.parse(email).valueOrNull());
		}
		return "redirect:/billing/accounts/" + access.accountId() + "/access";
	}

	@PostMapping("/invitations/{invitationId}/revoke")
	String revoke(AccountAccess access, @CurrentUser PortalUser user, @PathVariable long invitationId,
			RedirectAttributes redirect) {
		Flash.success(redirect, "iam.revoked", this.invitations.revoke(access, user.actor(), invitationId));
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
