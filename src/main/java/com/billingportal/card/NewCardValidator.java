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
 * not in the past, a CVC of the brand's length, country and postal code; digits are ASCII only. Messages are keys of messages.properties; no message repeats what was typed.
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
		YearMonth now = YearMonth.now(this.clock);
		String holder = trim(form.holderName());
		if (holder.isEmpty()) {
			errors.rejectValue("holderName", "card.holder.required");
		}
		else if (holder.length() > MAX_HOLDER) {
			errors.rejectValue("holderName", "card.holder.tooLong");
		}
		else if (holder.codePoints().anyMatch(Character::isISOControl)) {
			errors.rejectValue("holderName", "card.holder.invalid");
		}
		String digits = CardNumbers.digitsOf(trim(form.number()));
		CardBrand brand = CardBrand.detect(digits);
		if (trim(form.number()).isEmpty()) {
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
		Integer month = parse(form.expiryMonth());
		Integer year = parse(form.expiryYear());
		if (month == null || month < 1 || month > 12 || year == null || year < 2000 || year > 2100) {
			errors.rejectValue("expiryMonth", "card.expiry.invalid");
		}
		else if (YearMonth.of(year, month).isBefore(now)) {
			errors.rejectValue("expiryMonth", "card.expiry.past");
		}
		String cvc = trim(form.cvc());
		int cvcLength = (brand != null) ? brand.cvcLength() : 3;
		if (cvc.length() != cvcLength || !CardNumbers.isAsciiDigits(cvc)) {
			errors.rejectValue("cvc", (cvcLength == 4) ? "card.cvc.invalid.amex" : "card.cvc.invalid");
		}
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

	/** Checks an edit of a saved card: the holder's name and an expiry not in the past. */
	public void validate(EditCardForm form, Errors errors) {
		String holder = trim(form.holderName());
		if (holder.isEmpty()) {
			errors.rejectValue("holderName", "card.holder.required");
		}
		else if (holder.length() > MAX_HOLDER) {
			errors.rejectValue("holderName", "card.holder.tooLong");
		}
		else if (holder.codePoints().anyMatch(Character::isISOControl)) {
			errors.rejectValue("holderName", "card.holder.invalid");
		}
		Integer month = parse(form.expiryMonth());
		Integer year = parse(form.expiryYear());
		if (month == null || month < 1 || month > 12 || year == null || year < 2000 || year > 2100) {
			errors.rejectValue("expiryMonth", "card.expiry.invalid");
		}
		else if (YearMonth.of(year, month).isBefore(YearMonth.now(this.clock))) {
			errors.rejectValue("expiryMonth", "card.expiry.past");
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
