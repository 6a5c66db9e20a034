package com.billingportal.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

	/** Sign-in attempts in a row without a success that lock the account (ASVS 2.2.1), see SignInLockout. */
	public static final int MAX_FAILED_LOGINS = 5;

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	/** How long a locked account stays locked. */
	public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final UserRepository users;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	UserService(UserRepository users, Clock clock, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
	}

	/** The user as a signed-in principal (signing up signs in; tests sign in this way). */
	@Transactional(readOnly = true)
	public PortalUser loadUserByUsername(String username) {
		User user = this.users.findByEmail(User.normalizeEmail(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return toPortalUser(user);
	}

	/** True when a user signs in with this email already. */
	@Transactional(readOnly = true)
	public boolean exists(String email) {
		return this.users.findByEmail(User.normalizeEmail(email)).isPresent();
	}

	/** Creates a sign-in; the password is hashed here and nowhere kept as typed. */
	@Transactional
	public long create(String email, String displayName, String rawPassword) {
		return this.users.saveAndFlush(new User(email, displayName, this.passwordEncoder.encode(rawPassword),
				this.clock.instant())).id();
	}

	/**
	 * Creates the user of an address invited to administer a billing account: disabled, with the
	 * hash of 256 random bits as its password (nobody signs in with it), until
	 * {@link #setFirstPassword} enables it. The display name is the address's local part.
	 */
	@Transactional
	public long createInvited(String email) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String unusable = this.passwordEncoder.encode(java.util.HexFormat.of().formatHex(secret).substring(0, 64));
		String address = User.normalizeEmail(email);
		return this.users.saveAndFlush(User.invited(email, address.substring(0, address.indexOf('@')), unusable,
				this.clock.instant())).id();
	}

	/** Sets the first password of an invited user and enables them; refused for a user who has one. */
	@Transactional
	public String setFirstPassword(long userId, String rawPassword) {
		User user = this.users.findById(userId).orElseThrow();
		user.setFirstPassword(this.passwordEncoder.encode(rawPassword));
		return user.email();
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> findByEmail(String email) {
		return this.users.findByEmail(User.normalizeEmail(email)).map(UserService::summary);
	}

	@Transactional(readOnly = true)
	public Map<Long, UserSummary> summaries(Collection<Long> ids) {
		return this.users.findByIdIn(ids)
			.stream()
			.map(UserService::summary)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	/** Saves the language the user chose in the top bar: their emails are written in it. */
	@Transactional
	public void saveLanguage(long userId, Locale locale) {
		String tag = locale.toLanguageTag();
		this.users.findById(userId).filter((user) -> !tag.equals(user.language())).ifPresent((user) -> {
			user.chooseLanguage(tag);
		});
	}

	/**
	 * The saved language of each address that is a user's (keyed by the stored form of the address);
	 * an address that is nobody's, or a user who never chose, is absent: English.
	 */
	@Transactional(readOnly = true)
	public Map<String, Locale> languagesOf(Collection<String> emails) {
		List<String> stored = emails.stream().map(User::normalizeEmail).filter(Objects::nonNull).toList();
		return stored.isEmpty() ? Map.of() : this.users.findByEmailIn(stored)
			.stream()
			.filter((user) -> user.language() != null)
			.collect(Collectors.toMap(User::email, (user) -> Locale.forLanguageTag(user.language())));
	}

	private PortalUser toPortalUser(User user) {
		return new PortalUser(user.id(), user.email(), user.displayName());
	}

	private static UserSummary summary(User user) {
		return new UserSummary(user.id(), user.email(), user.displayName());
	}

	public record UserSummary(long id, String email, String displayName) {
	}

}
