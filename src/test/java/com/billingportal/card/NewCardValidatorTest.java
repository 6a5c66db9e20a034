package com.billingportal.card;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

class NewCardValidatorTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

	/** A live processor's vault: takes every number. */
	private final NewCardValidator validator = new NewCardValidator(CLOCK, (card) -> {
		throw new AssertionError("the validator never tokenises");
	});

	private Errors validate(NewCardForm form) {
		Errors errors = new BeanPropertyBindingResult(form, "card");
		this.validator.validate(form, errors);
		return errors;
	}

	private static NewCardForm card(String number, String month, String year, String cvc) {
		return new NewCardForm("Avery Chen", number, month, year, cvc, "US", "98052", false);
	}

	@Test
	void acceptsAValidCardTypedWithSpaces() {
		assertThat(validate(card("4242 4242 4242 4242", "12", "2030", "123")).hasErrors()).isFalse();
		assertThat(validate(card("3782-822463-10005", "1", "2027", "1234")).hasErrors()).isFalse();
		assertThat(validate(card("5555555555554444", "11", "2026", "123")).hasErrors())
			.as("a card is valid to the end of its expiry month").isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "4242424242424241, number, card.number.invalid", "4242abcd42424242, number, card.number.invalid",
			"'', number, card.number.required", "6200000000000005, number, card.number.unsupported",
			"378282246310005, cvc, card.cvc.invalid.amex" })
	void refusesBadNumbers(String number, String field, String code) {
		Errors errors = validate(card(number, "12", "2030", "123"));
		assertThat(errors.getFieldError(field)).isNotNull();
		assertThat(errors.getFieldError(field).getCode()).isEqualTo(code);
	}

	@Test
	void refusesAnExpiryInThePastAndNonsense() {
		assertThat(validate(card("4242424242424242", "10", "2026", "123")).getFieldError("expiryMonth").getCode())
			.isEqualTo("card.expiry.past");
		assertThat(validate(card("4242424242424242", "13", "2030", "123")).getFieldError("expiryMonth").getCode())
			.isEqualTo("card.expiry.invalid");
		assertThat(validate(card("4242424242424242", "", "", "123")).getFieldError("expiryMonth").getCode())
			.isEqualTo("card.expiry.invalid");
	}

	@Test
	void requiresHolderCvcCountryAndPostalCode() {
		Errors errors = validate(new NewCardForm(" ", "4242424242424242", "12", "2030", "12", "XX", "", false));
		assertThat(errors.getFieldError("holderName").getCode()).isEqualTo("card.holder.required");
		assertThat(errors.getFieldError("cvc").getCode()).isEqualTo("card.cvc.invalid");
		assertThat(errors.getFieldError("country").getCode()).isEqualTo("card.country.required");
		assertThat(errors.getFieldError("postalCode").getCode()).isEqualTo("card.postal.required");
	}

	@Test
	void noErrorRepeatsTheCardNumber() {
		Errors errors = validate(card("4242424242424241", "12", "2020", "1"));
		assertThat(errors.getAllErrors()).allSatisfy((e) -> {
			assertThat(String.valueOf(e.getDefaultMessage())).doesNotContain("4242424242424241");
			assertThat((e.getArguments() != null) ? e.getArguments() : new Object[0]).doesNotContain("4242424242424241");
		});
	}

	/** Other scripts' digits: full-width (U+FF10…) and Arabic-Indic (U+0660…) look like 0-9 to isDigit. */
	@ParameterizedTest
	@CsvSource({ "４２４２４２４２４２４２４２４２",
			"٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢",
			"4242 4242 4242 ４２４２", "٤٠٠٠ 0027 6000 3184" })
	void refusesCardNumbersInOtherScriptsDigits(String number) {
		assertThat(CardNumbers.digitsOf(number)).isNull();
		Errors errors = validate(card(number, "12", "2030", "123"));
		assertThat(errors.getFieldError("number").getCode()).isEqualTo("card.number.invalid");
	}

	@ParameterizedTest
	@CsvSource({ "１２, 2030", "12, ２０３０", "١٢, 2030", "12, ٢٠٣٠" })
	void refusesExpiriesInOtherScriptsDigits(String month, String year) {
		Errors errors = validate(card("4242424242424242", month, year, "123"));
		assertThat(errors.getFieldError("expiryMonth").getCode()).isEqualTo("card.expiry.invalid");
		assertThat(errors.getFieldErrorCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource({ "4242424242424242, １２３, card.cvc.invalid", "4242424242424242, ١٢٣, card.cvc.invalid",
			"378282246310005, １２３４, card.cvc.invalid.amex" })
	void refusesCvcsInOtherScriptsDigits(String number, String cvc, String code) {
		Errors errors = validate(card(number, "12", "2030", cvc));
		assertThat(errors.getFieldError("cvc").getCode()).isEqualTo(code);
		assertThat(errors.getFieldErrorCount()).isEqualTo(1);
	}

	@Test
	void editingASavedCardRefusesAnExpiryInOtherScriptsDigits() {
		EditCardForm form = new EditCardForm("Avery Chen", "１２", "2030");
		Errors errors = new BeanPropertyBindingResult(form, "form");
		this.validator.validate(form, errors);
		assertThat(errors.getFieldError("expiryMonth").getCode()).isEqualTo("card.expiry.invalid");
	}

	@Test
	void aNumberTheVaultDoesNotTakeIsRefusedAsNotATestCard() {
		NewCardValidator sandbox = new NewCardValidator(CLOCK, new CardTokenizer() {
			@Override
			public TokenizedCard tokenize(CardDetails card) {
				throw new AssertionError("the validator never tokenises");
			}

			@Override
			public boolean accepts(String number) {
				return number.equals("4242424242424242");
			}
		});
		Errors errors = new BeanPropertyBindingResult(card("4111 1111 1111 1111", "12", "2030", "123"), "card");
		sandbox.validate(card("4111 1111 1111 1111", "12", "2030", "123"), errors);
		assertThat(errors.getFieldError("number").getCode()).isEqualTo("card.number.sandbox");
		Errors testCard = new BeanPropertyBindingResult(card("4242 4242 4242 4242", "12", "2030", "123"), "card");
		sandbox.validate(card("4242 4242 4242 4242", "12", "2030", "123"), testCard);
		assertThat(testCard.hasErrors()).isFalse();
	}

	@Test
	void luhnAndBrands() {
		assertThat(CardNumbers.passesLuhn("4000002760003184")).isTrue();
		assertThat(CardNumbers.passesLuhn("4000002760003185")).isFalse();
		assertThat(CardBrand.detect("4242424242424242")).isEqualTo(CardBrand.VISA);
		assertThat(CardBrand.detect("2221000000000009")).isEqualTo(CardBrand.MASTERCARD);
		assertThat(CardBrand.detect("371449635398431")).isEqualTo(CardBrand.AMEX);
		assertThat(CardBrand.detect("6011111111111117")).isEqualTo(CardBrand.DISCOVER);
		assertThat(CardBrand.detect("3530111333300000")).isNull();
	}

}
