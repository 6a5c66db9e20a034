package com.billingportal.signup;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.billingportal.user.EmailAddress;
import com.billingportal.user.PasswordPolicy;
import com.billingportal.user.UserService;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks "Create a billing account" before anything is created. Messages are keys of
 * messages.properties and never repeat what was typed.
 */
@Component
class SignUpValidator {

	/** The currencies a first billing profile can be billed in. */
	static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CNY", "CAD", "AUD", "CHF", "SEK",
			"NOK", "DKK", "INR", "BRL", "MXN", "SGD", "HKD", "NZD", "KRW", "ZAR", "PLN");

	static final int MAX_NAME = 200;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final UserService users;

	private final PasswordPolicy passwords;

	SignUpValidator(UserService users, PasswordPolicy passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	void validate(SignUpForm form, Errors errors) {
		EmailAddress.Parsed email = EmailAddress.parse(form.email());
		if (!email.isValid()) {
			errors.rejectValue("email", emailProblem(email.reason()));
		}
		else if (this.users.exists(email.address().value())) {
			errors.rejectValue("email", "signup.email.taken");
		}
		name(trim(form.name()), "name", "signup.name", errors);
		String problem = this.passwords.problem(form.password(),
				email.isValid() ? email.address().value() : trim(form.email()));
		if (problem != null) {
			errors.rejectValue("password", problem);
		}
		name(trim(form.companyName()), "companyName", "signup.company", errors);
		if (!COUNTRIES.contains(trim(form.country()))) {
			errors.rejectValue("country", "signup.country.required");
		}
		if (!CURRENCIES.contains(trim(form.currency()))) {
			errors.rejectValue("currency", "signup.currency.required");
		}
	}

	/** Sign-up's own words for a missing or malformed address; the others say what is wrong with it. */
	private static String emailProblem(EmailAddress.Reason reason) {
		return switch (reason) {
			case REQUIRED -> "signup.email.required";
			case INVALID -> "signup.email.invalid";
			default -> reason.messageKey();
		};
	}

	private static void name(String value, String field, String key, Errors errors) {
		if (value.isEmpty()) {
			errors.rejectValue(field, key + ".required");
		}
		else if (value.length() > MAX_NAME) {
			errors.rejectValue(field, key + ".tooLong");
		}
		else if (hasControl(value)) {
			errors.rejectValue(field, key + ".invalid");
		}
	}

	private static boolean hasControl(String value) {
		return value.codePoints().anyMatch(Character::isISOControl);
	}

	static String trim(String value) {
		return (value == null) ? "" : value.strip();
	}

}
