package com.billingportal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: created and revoked by an operator ({@link ApiKeyCommands}), checked on every API
 * request. A key is {@code bp_} and 43 characters of 256 random bits; only its SHA-256 is stored,
 * and the key itself is shown once and never logged.
 */
@Service
@Transactional(readOnly = true)
public class ApiKeys {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

	private static final int PREFIX_LENGTH = 12;

	private final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository keys;

	private final AuditService audit;

	private final Clock clock;

	ApiKeys(ApiKeyRepository keys, AuditService audit, Clock clock) {
		this.keys = keys;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new key for the client {@code name}; the answer is the only place the key ever appears. */
	@Transactional
	public NewKey create(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("An API key's name is 1-100 of a-z, 0-9, '.', '_', '-'");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = "bp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiKey key = this.keys.save(new ApiKey(name, secret.substring(0, PREFIX_LENGTH), hash(secret),
				this.clock.instant()));
		this.audit.record(Actor.SYSTEM, "API_KEY_CREATED", "ApiKey", key.id(), null, name + " " + key.prefix());
		return new NewKey(key.id(), name, key.prefix(), secret);
	}

	/** Revokes the key with this id or prefix; answers the keys revoked (none: nothing matched). */
	@Transactional
	public List<String> revoke(String idOrPrefix) {
		List<ApiKey> matching = idOrPrefix.matches("[0-9]{1,18}")
				? this.keys.findById(Long.valueOf(idOrPrefix)).stream().toList()
				: this.keys.findByPrefixOrderById(idOrPrefix);
		for (ApiKey key : matching) {
			key.revoke(this.clock.instant());
			this.audit.record(Actor.SYSTEM, "API_KEY_REVOKED", "ApiKey", key.id(), null, key.name() + " " + key.prefix());
		}
		return matching.stream().map((k) -> k.id() + " " + k.name() + " " + k.prefix()).toList();
	}

	/** The client of a key that is known and not revoked. */
	public Optional<ApiClient> authenticate(String secret) {
		if (secret == null || secret.isEmpty() || secret.length() > 200) {
			return Optional.empty();
		}
		return this.keys.findByHash(hash(secret))
			.filter((k) -> !k.isRevoked())
			.map((k) -> new ApiClient(k.id(), k.name()));
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A key just created: {@code secret} is the key, shown to the operator once. */
	public record NewKey(long id, String name, String prefix, String secret) {

		@Override
		public String toString() {
			return "NewKey[id=" + this.id + ", name=" + this.name + ", prefix=" + this.prefix + "]";
		}

	}

}
