package com.billingportal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.billingportal.account.AccessControlService.AccessChangeRefusedException;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.portal.NotFoundException;
import com.billingportal.user.EmailAddress;
import com.billingportal.user.PortalUser;
import com.billingportal.user.UserService;
import com.billingportal.user.UserService.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a billing account. The admin's "Add role assignment" invites an address; the
 * invitee sees the invitation when they sign in (or sign up with that address) and accepts or
 * declines it; only accepting creates the role assignment. Until then the account is not theirs
 * to see: access looks at role assignments alone. The admin may revoke an invitation that waits.
 */
@Service
@Transactional(readOnly = true)
public class InvitationService {

	private final InvitationRepository invitations;

	private final RoleAssignmentRepository assignments;

	private final BillingAccountRepository accounts;

	private final UserService users;

	private final AuditService audit;

	private final Clock clock;

	InvitationService(InvitationRepository invitations, RoleAssignmentRepository assignments,
			BillingAccountRepository accounts, UserService users, AuditService audit, Clock clock) {
		this.invitations = invitations;
		this.assignments = assignments;
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Invites the address to the account with the role. Refused for an address that is not one
	 * (hidden or look-alike characters among others, see {@link EmailAddress}), for someone who
	 * already has a role, for an address nobody signs in with (whoever signed up with it first could
	 * claim the invitation), and while another invitation of the address to the account waits.
	 */
	@Transactional
	public Invited invite(AccountAccess access, Actor actor, String email, Role role) {
		access.require(Permission.MANAGE_ACCESS);
		if (role == null) {
			throw refused(access, actor, "iam.error.roleRequired", null);
		}
		EmailAddress.Parsed address = EmailAddress.parse(email);
		if (!address.isValid()) {
			throw refused(access, actor, (address.reason() == EmailAddress.Reason.REQUIRED)
					? "iam.error.emailRequired" : address.reason().messageKey(), null);
		}
		String to = address.address().value();
		Optional<UserSummary> user = this.users.findByEmail(to);
		if (user.isEmpty()) {
			// The portal cannot prove who owns an address: an invitation waiting for a sign-up could be
			// claimed by whoever signs up with it first.
			throw refused(access, actor, "iam.error.noSignIn", to);
		}
		if (this.assignments.findByBillingAccountIdAndUserId(access.accountId(), user.get().id()).isPresent()) {
			throw refused(access, actor, "iam.error.alreadyAssigned", to);
		}
		if (this.invitations.existsByBillingAccountIdAndEmailAndStatus(access.accountId(), to,
				InvitationStatus.PENDING)) {
			throw refused(access, actor, "iam.error.alreadyInvited", to);
		}
		Invitation saved = this.invitations
			.saveAndFlush(new Invitation(access.accountId(), to, role, actor.userId(), this.clock.instant()));
		this.audit.record(actor, "INVITATION_SENT", "Invitation", saved.id(), access.accountId(), to + " as " + role);
		return new Invited(to);
	}

	/** The account's invitations waiting for an answer, oldest first (the IAM page lists them). */
	public List<PendingInvitation> pending(AccountAccess access) {
		access.require(Permission.VIEW_INVOICES);
		List<Invitation> pending = this.invitations.findByBillingAccountIdAndStatusOrderByIdAsc(access.accountId(),
				InvitationStatus.PENDING);
		Map<Long, UserSummary> inviters = this.users.summaries(pending.stream().map(Invitation::invitedBy).toList());
		return pending.stream()
			.map((i) -> new PendingInvitation(i.id(), i.email(), i.role(), inviters.get(i.invitedBy()), i.createdAt()))
			.toList();
	}

	/** Takes back an invitation that waits for an answer; any other id is "not found". */
	@Transactional
	public String revoke(AccountAccess access, Actor actor, long invitationId) {
		access.require(Permission.MANAGE_ACCESS);
		Invitation invitation = this.invitations.lockById(invitationId)
			.filter((i) -> i.billingAccountId() == access.accountId() && i.isPending())
			.orElseThrow(() -> new NotFoundException("Invitation"));
		invitation.revoke(actor.userId(), this.clock.instant());
		this.audit.record(actor, "INVITATION_REVOKED", "Invitation", invitationId, access.accountId(),
				invitation.email() + " as " + invitation.role());
		return invitation.email();
	}

	/** What the user is invited to and has not answered yet, oldest first. */
	public List<ReceivedInvitation> invitationsOf(PortalUser user) {
		List<Invitation> pending = this.invitations.findByEmailAndStatusOrderByIdAsc(user.email(),
				InvitationStatus.PENDING);
		Map<Long, String> names = this.accounts.findAllById(pending.stream().map(Invitation::billingAccountId).toList())
			.stream()
			.collect(Collectors.toMap(BillingAccount::id, BillingAccount::name));
		Map<Long, UserSummary> inviters = this.users.summaries(pending.stream().map(Invitation::invitedBy).toList());
		return pending.stream()
			.map((i) -> new ReceivedInvitation(i.id(), names.get(i.billingAccountId()), i.role(),
					inviters.get(i.invitedBy()), i.createdAt()))
			.toList();
	}

	/** How many invitations wait for the user's answer. */
	public long pendingCount(PortalUser user) {
		return this.invitations.countByEmailAndStatus(user.email(), InvitationStatus.PENDING);
	}

	/** Accepts the user's invitation: from now on they have the role on the account. */
	@Transactional
	public Answered accept(PortalUser user, long invitationId) {
		Invitation invitation = addressedTo(user, invitationId);
		invitation.accept(user.id(), this.clock.instant());
		// Someone with a role already (an invitation cannot be sent to them) keeps the role they have.
		if (this.assignments.findByBillingAccountIdAndUserId(invitation.billingAccountId(), user.id()).isEmpty()) {
			RoleAssignment assigned = this.assignments.saveAndFlush(new RoleAssignment(invitation.billingAccountId(),
					user.id(), invitation.role(), this.clock.instant()));
			this.audit.record(user.actor(), "ROLE_ASSIGNED", "RoleAssignment", assigned.id(),
					invitation.billingAccountId(), user.email() + " as " + invitation.role() + ", invitation accepted");
		}
		this.audit.record(user.actor(), "INVITATION_ACCEPTED", "Invitation", invitationId,
				invitation.billingAccountId(), user.email() + " as " + invitation.role());
		return answered(invitation);
	}

	/** Declines the user's invitation: nothing of the account becomes theirs. */
	@Transactional
	public Answered decline(PortalUser user, long invitationId) {
		Invitation invitation = addressedTo(user, invitationId);
		invitation.decline(user.id(), this.clock.instant());
		this.audit.record(user.actor(), "INVITATION_DECLINED", "Invitation", invitationId,
				invitation.billingAccountId(), user.email() + " as " + invitation.role());
		return answered(invitation);
	}

	/** The user's own invitation that waits for an answer, locked; anyone else's, or an answered one, is 404. */
	private Invitation addressedTo(PortalUser user, long invitationId) {
		return this.invitations.lockById(invitationId)
			.filter((i) -> i.isPending() && i.email().equals(user.email()))
			.orElseThrow(() -> new NotFoundException("Invitation"));
	}

	private Answered answered(Invitation invitation) {
		String name = this.accounts.findById(invitation.billingAccountId()).map(BillingAccount::name).orElse("");
		return new Answered(invitation.billingAccountId(), name);
	}

	private AccessChangeRefusedException refused(AccountAccess access, Actor actor, String key, String who) {
		this.audit.recordRefusal(actor, "ROLE_CHANGE_REFUSED", "Invitation", null, access.accountId(),
				key + ((who != null) ? " (" + who + ")" : ""));
		return new AccessChangeRefusedException(key, who);
	}

	/** Who was invited. */
	public record Invited(String email) {
	}

	/** One row of the IAM page's pending invitations. */
	public record PendingInvitation(long id, String email, Role role, UserSummary invitedBy, Instant createdAt) {
	}

	/** One row of the invitee's Invitations page. */
	public record ReceivedInvitation(long id, String accountName, Role role, UserSummary invitedBy,
			Instant createdAt) {
	}

	/** The account an answered invitation was to. */
	public record Answered(long accountId, String accountName) {
	}

}
