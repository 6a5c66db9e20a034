package com.billingportal.account.web;

import java.util.Optional;

import com.billingportal.account.InvitationService;
import com.billingportal.user.PortalUser;
import com.billingportal.user.SignInLanding;

import org.springframework.stereotype.Component;

/** Signing in while an invitation waits for the user's answer opens the Invitations page first. */
@Component
class InvitationLanding implements SignInLanding {

	private final InvitationService invitations;

	InvitationLanding(InvitationService invitations) {
		this.invitations = invitations;
	}

	@Override
	public Optional<String> after(PortalUser user) {
		return (this.invitations.pendingCount(user) > 0) ? Optional.of("/invitations") : Optional.empty();
	}

}
