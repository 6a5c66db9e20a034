package com.billingportal.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (ASVS 2.1): at least 12 characters, at most 64, no composition
 * rules, and not one of the common passwords in {@code security/common-passwords.txt}. BCrypt reads
 * only the first 72 bytes, so a longer password is refused rather than silently cut.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 64;

	private static final int MAX_BYTES = 72;

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = load("security/common-passwords.txt");
	}

	/** The message key saying what is wrong with the password, or null when it is acceptable. */
	public String problem(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "signup.password.tooShort";
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "signup.password.tooLong";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT)))) {
			return "signup.password.common";
		}
		return null;
	}

	/** How many common passwords are on the list (for tests and the operations guide). */
	public int commonCount() {
		return this.common.size();
	}

	private static Set<String> load(String path) {
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common password list is missing: " + path, ex);
		}
		return Set.copyOf(words);
	}

}
