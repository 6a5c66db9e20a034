package com.billingportal.account.web;

import java.util.Optional;

import com.billingportal.account.InvitationService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;
import com.billingportal.user.SignInLanding;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Invitations wherever the user is: the header links to them while any waits, and signing in
 * while any waits opens them first.
 */
@ControllerAdvice
class InvitationsAdvice implements SignInLanding {

	private final InvitationService invitations;

	InvitationsAdvice(InvitationService invitations) {
		this.invitations = invitations;
	}

	@ModelAttribute("pendingInvitations")
	PendingInvitations pendingInvitations(@CurrentUser PortalUser user) {
		return new PendingInvitations(() -> (user != null) ? this.invitations.pendingCount(user) : 0);
	}

	@Override
	public Optional<String> after(PortalUser user) {
		return (this.invitations.pendingCount(user) > 0) ? Optional.of("/invitations") : Optional.empty();
	}

}
