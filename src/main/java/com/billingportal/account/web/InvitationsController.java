package com.billingportal.account.web;

import com.billingportal.account.InvitationService;
import com.billingportal.portal.Flash;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's invitations to billing accounts, to accept or decline. Shown after signing
 * in while any waits, and linked from the home page. Another user's invitation is "not found".
 */
@Controller
@RequestMapping("/invitations")
class InvitationsController {

	private final InvitationService invitations;

	InvitationsController(InvitationService invitations) {
		this.invitations = invitations;
	}

	@GetMapping
	String list(@CurrentUser PortalUser user, Model model) {
		model.addAttribute("invitations", this.invitations.invitationsOf(user));
		return "account/invitations";
	}

	/** Accepting gives the role: the account's overview opens. */
	@PostMapping("/{invitationId}/accept")
	String accept(@CurrentUser PortalUser user, @PathVariable long invitationId, RedirectAttributes redirect) {
		var accepted = this.invitations.accept(user, invitationId);
		Flash.success(redirect, "invitations.accepted", accepted.accountName());
		return "redirect:/billing/accounts/" + accepted.accountId();
	}

	@PostMapping("/{invitationId}/decline")
	String decline(@CurrentUser PortalUser user, @PathVariable long invitationId, RedirectAttributes redirect) {
		var declined = this.invitations.decline(user, invitationId);
		Flash.info(redirect, "invitations.declined", declined.accountName());
		return "redirect:/invitations";
	}

}
