package com.billingportal.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.billingportal.account.Address;
import com.billingportal.user.EmailAddress;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The rules of "Edit billing profile": the lengths the schema holds, a bill-to country from the
 * ISO list, a tax ID in its country's format ({@link TaxIds}), at most {@link #MAX_RECIPIENTS}
 * additional recipients each an {@link EmailAddress}, and no hidden characters anywhere.
 */
@Component
public class ProfileFormValidator {

	public static final int MAX_RECIPIENTS = 20;

	private static final Pattern RECIPIENT_SEPARATORS = Pattern.compile("[\\r\\n,;]+");

	private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

	public void validate(ProfileForm form, Errors errors) {
		text(errors, "name", form.name(), 200, true);
		text(errors, "company", form.company(), 200, true);
		text(errors, "line1", form.line1(), 200, true);
		text(errors, "city", form.city(), 100, true);
		text(errors, "postalCode", form.postalCode(), 20, true);
		text(errors, "poNumber", form.poNumber(), 50, false);
		String country = ProfileText.strip(form.country());
		if (!COUNTRIES.contains(country)) {
			errors.rejectValue("country", "profile.country.invalid");
		}
		else {
			TaxIds.Result taxId = TaxIds.check(form.taxId(), country);
			if (!taxId.isValid()) {
				errors.rejectValue("taxId", taxId.messageKey(), new Object[] { taxId.argument() }, null);
			}
		}
		recipients(form.recipients(), errors);
	}

	/** The accepted form as stored; the form must be valid. */
	public ProfileProperties properties(ProfileForm form) {
		var errors = new BeanPropertyBindingResult(form, "form");
		validate(form, errors);
		if (errors.hasErrors()) {
			throw new IllegalArgumentException("Billing profile form has not been validated");
		}
		String country = ProfileText.strip(form.country());
		Address billTo = new Address(ProfileText.strip(form.company()), ProfileText.strip(form.line1()),
				ProfileText.strip(form.city()), ProfileText.strip(form.postalCode()), country);
		String po = ProfileText.strip(form.poNumber());
		List<String> recipients = new ArrayList<>();
		entries(form.recipients()).forEach((entry) -> recipients.add(EmailAddress.parse(entry).valueOrNull()));
		return new ProfileProperties(ProfileText.strip(form.name()), billTo, po.isEmpty() ? null : po,
				TaxIds.check(form.taxId(), country).taxId(), form.invoiceEmailOn(),
				List.copyOf(new LinkedHashSet<>(recipients)), form.autopayOn());
	}

	private static void text(Errors errors, String field, String typed, int max, boolean required) {
		String text = ProfileText.strip(typed);
		if (required && text.isEmpty()) {
			errors.rejectValue(field, "profile.error.required");
		}
		else if (text.length() > max) {
			errors.rejectValue(field, "profile.error.tooLong", new Object[] { max }, null);
		}
		else if (ProfileText.hasHiddenCharacter(text)) {
			errors.rejectValue(field, "profile.error.hidden");
		}
	}

	private static void recipients(String typed, Errors errors) {
		List<String> entries = entries(typed);
		if (entries.size() > MAX_RECIPIENTS) {
			errors.rejectValue("recipients", "profile.recipients.tooMany", new Object[] { MAX_RECIPIENTS }, null);
			return;
		}
		for (String entry : entries) {
			EmailAddress.Parsed parsed = EmailAddress.parse(entry);
			if (!parsed.isValid()) {
				String shown = (entry.length() > 60) ? entry.substring(0, 60) + "…" : entry;
				errors.rejectValue("recipients", "profile.recipients.invalid",
						new Object[] { shown, new DefaultMessageSourceResolvable(parsed.reason().messageKey()) }, null);
			}
		}
	}

	/** The typed addresses, blank ones dropped, duplicates kept (each counts towards the limit). */
	private static List<String> entries(String typed) {
		if (typed == null) {
			return List.of();
		}
		return RECIPIENT_SEPARATORS.splitAsStream(typed).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

}
