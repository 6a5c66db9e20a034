package com.billingportal.user;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService implements UserDetailsService {

	private final UserRepository users;

	private final Clock clock;

	UserService(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public PortalUser loadUserByUsername(String username) {
		User user = this.users.findByEmail(User.normalizeEmail(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return toPortalUser(user);
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

	private PortalUser toPortalUser(User user) {
		return new PortalUser(user.id(), user.email(), user.displayName(), user.passwordHash(), user.isEnabled(),
				user.isLockedAt(this.clock.instant()));
	}

	private static UserSummary summary(User user) {
		return new UserSummary(user.id(), user.email(), user.displayName());
	}

	public record UserSummary(long id, String email, String displayName) {
	}

}
