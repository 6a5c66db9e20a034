package com.billingportal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.user.UserService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of a billing account's admin who has no sign-in yet: a billing system opened the
 * account through the API for an address nobody signs in with. The portal creates the person's
 * user, disabled ({@link UserService#createInvited}), makes them the account's admin, and emails a
 * link ({@link AdminInvited}, the notification module) that sets their password once, within
 * {@link #VALID_FOR}. Whoever holds the link owns the address: the email went there. Until the
 * password is set nobody signs in as that user (disabled), and nobody can sign up with the address.
 */
@Service
@Transactional(readOnly = true)
public class AdminInvitations {

	/** How long the emailed link sets a password. */
	public static final Duration VALID_FOR = Duration.ofDays(7);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AdminInvitationRepository invitations;

	private final UserService users;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AdminInvitations(AdminInvitationRepository invitations, UserService users, AuditService audit,
			ApplicationEventPublisher events, Clock clock) {
		this.invitations = invitations;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Invites the account's admin to set a password, unless the account has its invitation already
	 * (upserting the account again invites nobody twice); true when this call invited them.
	 */
	@Transactional
	public boolean invite(BillingAccount account, String email, Actor actor) {
		if (this.invitations.findByBillingAccountId(account.id()).isPresent()) {
			return false;
		}
		String token = newToken();
		Instant now = this.clock.instant();
		AdminInvitation saved = this.invitations.saveAndFlush(new AdminInvitation(account.id(), account.adminUserId(),
				email, hash(token), actor.email(), now, now.plus(VALID_FOR)));
		this.audit.record(actor, "ADMIN_INVITED", "AdminInvitation", saved.id(), account.id(), email);
		this.events.publishEvent(new AdminInvited(UUID.randomUUID(), account.id(), account.name(), email, token,
				saved.expiresAt()));
		return true;
	}

	/**
	 * Sends the account's admin a new link when theirs expired unused (the account upserted again):
	 * the same invitation, a new token; nothing while the link still works or once it was used.
	 */
	@Transactional
	public boolean renewIfExpired(BillingAccount account, Actor actor) {
		Instant now = this.clock.instant();
		var expired = this.invitations.findByBillingAccountId(account.id())
			.filter((i) -> !i.isAccepted() && !i.isOpenAt(now));
		if (expired.isEmpty()) {
			return false;
		}
		String token = newToken();
		expired.get().renew(hash(token), now, now.plus(VALID_FOR));
		this.audit.record(actor, "ADMIN_INVITED", "AdminInvitation", expired.get().id(), account.id(),
				expired.get().email() + ", the link renewed");
		this.events.publishEvent(new AdminInvited(UUID.randomUUID(), account.id(), account.name(),
				expired.get().email(), token, now.plus(VALID_FOR)));
		return true;
	}

	private static String newToken() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** Whether the user was invited as an admin and has not set a password yet. */
	public boolean awaitsPassword(long userId) {
		return !this.invitations.findByUserIdAndAcceptedAtIsNull(userId).isEmpty();
	}

	/** {@code invited} while the account's admin has not set a password through an invitation; else {@code active}. */
	public String adminStatus(BillingAccount account) {
		return awaitsPassword(account.adminUserId()) ? "invited" : "active";
	}

	/** The invitation of the link while it sets a password: to whom, for which account; empty otherwise. */
	public Optional<OpenInvitation> open(String token) {
		Instant now = this.clock.instant();
		return wellFormed(token).flatMap((t) -> this.invitations.findByTokenHash(hash(t)))
			.filter((i) -> i.isOpenAt(now))
			.map((i) -> new OpenInvitation(i.email(), i.billingAccountId()));
	}

	/**
	 * Sets the invited admin's password through the link, once: every invitation of theirs is
	 * answered, and from now on they sign in. A link unknown, used or expired is refused.
	 */
	@Transactional
	public String setPassword(String token, String password) {
		Instant now = this.clock.instant();
		AdminInvitation invitation = wellFormed(token).flatMap((t) -> this.invitations.lockByTokenHash(hash(t)))
			.filter((i) -> i.isOpenAt(now))
			.orElseThrow(LinkNotValid::new);
		String email = this.users.setFirstPassword(invitation.userId(), password);
		for (AdminInvitation pending : this.invitations.findByUserIdAndAcceptedAtIsNull(invitation.userId())) {
			pending.accept(now);
		}
		this.audit.record(new Actor(invitation.userId(), email), "ADMIN_INVITATION_ACCEPTED", "AdminInvitation",
				invitation.id(), invitation.billingAccountId(), "password set");
		return email;
	}

	private static Optional<String> wellFormed(String token) {
		return Optional.ofNullable(token).filter((t) -> t.matches("[A-Za-z0-9_-]{43}"));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An invitation whose link sets a password now. */
	public record OpenInvitation(String email, long accountId) {
	}

	/** The link is unknown, used or expired. */
	public static class LinkNotValid extends RuntimeException {

		public LinkNotValid() {
			super("The invitation link is not valid");
		}

	}

}
