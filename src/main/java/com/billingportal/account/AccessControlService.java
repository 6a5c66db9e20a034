package com.billingportal.account;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.portal.NotFoundException;
import com.billingportal.user.UserService;
import com.billingportal.user.UserService.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access control (IAM): who has which role on a billing account. Everyone with a role sees the
 * assignments; only the billing account admin removes them, and adds them by invitation
 * ({@link InvitationService}: the role exists once the invitee accepts). The admin is always an
 * Owner and cannot be removed, and an account never loses its last Owner.
 */
@Service
@Transactional(readOnly = true)
public class AccessControlService {

	private final RoleAssignmentRepository assignments;

	private final UserService users;

	private final AuditService audit;

	private final Clock clock;

	AccessControlService(RoleAssignmentRepository assignments, UserService users, AuditService audit, Clock clock) {
		this.assignments = assignments;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The account's role assignments: the admin first, then Owners, Contributors, Readers by name. */
	public List<Assignment> assignments(AccountAccess access) {
		access.require(Permission.VIEW_INVOICES);
		List<RoleAssignment> all = this.assignments.findByBillingAccountIdOrderByIdAsc(access.accountId());
		Map<Long, UserSummary> people = this.users.summaries(all.stream().map(RoleAssignment::userId).toList());
		long adminId = this.assignments.adminOf(access.accountId());
		return all.stream()
			.map((a) -> new Assignment(a.id(), people.get(a.userId()), a.role(), a.userId() == adminId))
			.sorted(Comparator.comparing((Assignment a) -> !a.admin())
				.thenComparing(Assignment::role)
				.thenComparing((a) -> a.user().displayName(), String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Takes a role assignment away. The admin and the last Owner cannot be removed. */
	@Transactional
	public UserSummary remove(AccountAccess access, Actor actor, long assignmentId) {
		access.require(Permission.MANAGE_ACCESS);
		RoleAssignment assignment = this.assignments.findByIdAndBillingAccountId(assignmentId, access.accountId())
			.orElseThrow(() -> new NotFoundException("Role assignment"));
		UserSummary user = this.users.summaries(List.of(assignment.userId())).get(assignment.userId());
		if (assignment.userId() == this.assignments.adminOf(access.accountId())) {
			throw refused(access, actor, "iam.error.removeAdmin", user.email());
		}
		if (assignment.role() == Role.OWNER
				&& this.assignments.countByBillingAccountIdAndRole(access.accountId(), Role.OWNER) <= 1) {
			throw refused(access, actor, "iam.error.lastOwner", user.email());
		}
		this.assignments.delete(assignment);
		this.assignments.flush();
		this.audit.record(actor, "ROLE_REMOVED", "RoleAssignment", assignmentId, access.accountId(),
				user.email() + " was " + assignment.role());
		return user;
	}

	/** Makes the user the admin (an Owner) of a new account: called once, when the account is opened. */
	@Transactional
	void assignAdmin(long accountId, long userId) {
		this.assignments.save(new RoleAssignment(accountId, userId, Role.OWNER, this.clock.instant()));
	}

	private AccessChangeRefusedException refused(AccountAccess access, Actor actor, String key, String who) {
		this.audit.recordRefusal(actor, "ROLE_CHANGE_REFUSED", "RoleAssignment", null, access.accountId(),
				key + ((who != null) ? " (" + who + ")" : ""));
		return new AccessChangeRefusedException(key, who);
	}

	/** One row of the IAM list. */
	public record Assignment(long id, UserSummary user, Role role, boolean admin) {
	}

	/** A role change the rules refuse; the message key says why, the argument names the user. */
	public static class AccessChangeRefusedException extends RuntimeException {

		private final String messageKey;

		private final String argument;

		AccessChangeRefusedException(String messageKey, String argument) {
			super(messageKey);
			this.messageKey = messageKey;
			this.argument = argument;
		}

		public String messageKey() {
			return this.messageKey;
		}

		public String argument() {
			return this.argument;
		}

	}

}
