package com.billingportal.card;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks a new card as a processor would before it is sent there: holder, a Luhn-valid number of
 * an accepted brand that the processor takes (a test mode takes only its test cards), an expiry
 * not in the past, a CVC of the brand's length, country and postal code; digits are ASCII only.
 * Messages are keys of messages.properties; no message repeats what was typed.
 */
@Component
public class NewCardValidator {

	static final int MAX_HOLDER = 100;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final Clock clock;

	private final CardTokenizer vault;

	public NewCardValidator(Clock clock, CardTokenizer vault) {
		this.clock = clock;
		this.vault = vault;
	}

	public void validate(NewCardForm form, Errors errors) {
		checkHolder(form.holderName(), errors);
		String digits = CardNumbers.digitsOf(trim(form.number()));
		CardBrand brand = CardBrand.detect(digits);
		checkNumber(trim(form.number()), digits, brand, errors);
		checkExpiry(form.expiryMonth(), form.expiryYear(), errors);
		checkCvc(trim(form.cvc()), brand, errors);
		checkAddress(form, errors);
	}

	/** Checks an edit of a saved card: the holder's name and an expiry not in the past. */
	public void validate(EditCardForm form, Errors errors) {
		checkHolder(form.holderName(), errors);
		checkExpiry(form.expiryMonth(), form.expiryYear(), errors);
	}

	private static void checkHolder(String value, Errors errors) {
		String holder = trim(value);
		if (holder.isEmpty()) {
			errors.rejectValue("holderName", "card.holder.required");
		}
		else if (holder.length() > MAX_HOLDER) {
			errors.rejectValue("holderName", "card.holder.tooLong");
		}
		else if (holder.codePoints().anyMatch(Character::isISOControl)) {
			errors.rejectValue("holderName", "card.holder.invalid");
		}
	}

	private void checkNumber(String typed, String digits, CardBrand brand, Errors errors) {
		if (typed.isEmpty()) {
			errors.rejectValue("number", "card.number.required");
		}
		else if (digits == null || !CardNumbers.passesLuhn(digits)) {
			errors.rejectValue("number", "card.number.invalid");
		}
		else if (brand == null || !brand.acceptsLength(digits.length())) {
			errors.rejectValue("number", "card.number.unsupported");
		}
		else if (!this.vault.accepts(digits)) {
			errors.rejectValue("number", "card.number.sandbox");
		}
	}

	private void checkExpiry(String monthText, String yearText, Errors errors) {
		Integer month = parse(monthText);
		Integer year = parse(yearText);
		if (month == null || month < 1 || month > 12 || year == null || year < 2000 || year > 2100) {
			errors.rejectValue("expiryMonth", "card.expiry.invalid");
		}
		else if (YearMonth.of(year, month).isBefore(YearMonth.now(this.clock))) {
			errors.rejectValue("expiryMonth", "card.expiry.past");
		}
	}

	private static void checkCvc(String cvc, CardBrand brand, Errors errors) {
		int cvcLength = (brand != null) ? brand.cvcLength() : 3;
		if (cvc.length() != cvcLength || !CardNumbers.isAsciiDigits(cvc)) {
			errors.rejectValue("cvc", (cvcLength == 4) ? "card.cvc.invalid.amex" : "card.cvc.invalid");
		}
	}

	private static void checkAddress(NewCardForm form, Errors errors) {
		if (!COUNTRIES.contains(trim(form.country()))) {
			errors.rejectValue("country", "card.country.required");
		}
		String postal = trim(form.postalCode());
		if (postal.isEmpty()) {
			errors.rejectValue("postalCode", "card.postal.required");
		}
		else if (postal.length() > 20) {
			errors.rejectValue("postalCode", "card.postal.invalid");
		}
	}

	/** The edited expiry. Only call after {@link #validate(EditCardForm, Errors)} found nothing. */
	YearMonth expiry(EditCardForm form) {
		return YearMonth.of(parse(form.expiryYear()), parse(form.expiryMonth()));
	}

	/** The validated form as the vault takes it. Only call after {@link #validate} found nothing. */
	CardTokenizer.CardDetails details(NewCardForm form) {
		return new CardTokenizer.CardDetails(CardNumbers.digitsOf(trim(form.number())), parse(form.expiryMonth()),
				parse(form.expiryYear()), trim(form.cvc()), trim(form.holderName()));
	}

	static String trim(String value) {
		return value == null ? "" : value.strip();
	}

	private static Integer parse(String value) {
		String v = trim(value);
		if (v.length() > 4 || !CardNumbers.isAsciiDigits(v)) {
			return null;
		}
		return Integer.valueOf(v);
	}

}
