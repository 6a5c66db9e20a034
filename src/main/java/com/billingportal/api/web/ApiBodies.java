package com.billingportal.api.web;

import java.time.LocalDate;
import java.util.List;

import com.billingportal.account.AgreementType;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON bodies the API accepts. Amounts are decimal strings ("1234.50"), checked against the currency. */
final class ApiBodies {

	static final String DECIMAL = "-?[0-9]{1,15}(\\.[0-9]{1,6})?";

	static final String CURRENCY = "[A-Z]{3}";

	static final String COUNTRY = "[A-Z]{2}";

	private ApiBodies() {
	}

	record AddressBody(@NotBlank @Size(max = 200) String company, @Size(max = 200) String line1,
			@Size(max = 100) String city, @Size(max = 20) String postalCode,
			@NotBlank @Pattern(regexp = COUNTRY, message = "must be an ISO 3166 country code such as US") String country) {
	}

	record AccountBody(@NotBlank @Size(max = 200) String name, @NotNull AgreementType agreementType,
			@NotBlank @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code such as USD") String currency,
			@NotBlank @Size(max = 254) String adminEmail, @NotNull @Valid AddressBody soldTo) {
	}

	record ProfileBody(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code such as USD") String currency,
			@NotNull @Valid AddressBody billTo) {
	}

	record LineBody(@NotBlank @Size(max = 200) String service, @NotBlank @Size(max = 500) String description,
			@NotNull @Pattern(regexp = DECIMAL, message = "must be a decimal number such as 12.5") String quantity,
			@NotBlank @Size(max = 40) String unit,
			@NotNull @Pattern(regexp = DECIMAL, message = "must be a decimal number such as 0.25") String unitPrice,
			@NotNull @Pattern(regexp = DECIMAL, message = "must be a decimal amount such as 1234.50") String amount) {
	}

	record InvoiceBody(
			@NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}", message = "must be 1 to 10 of A-Z and 0-9") String number,
			@NotBlank @Size(max = 100) String account, @NotNull Long billingProfileId, @NotNull LocalDate invoiceDate,
			@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd, @NotNull LocalDate dueDate,
			@NotBlank @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code such as USD") String currency,
			@NotNull @Pattern(regexp = DECIMAL, message = "must be a decimal amount such as 12.00") String tax,
			@NotEmpty @Size(max = 500) List<@NotNull @Valid LineBody> lines) {
	}

	/**
	 * A refund: {@code amount} (none: all that is left), {@code invoiceNumber} (none: from the
	 * payment's invoices, the last allocated first), {@code reason}.
	 */
	record RefundBody(
			@Schema(description = "Amount to refund, more than zero (400 otherwise); without it, all that is left of the "
					+ "payment (or of the invoice named)",
					example = "10.00") @Pattern(regexp = DECIMAL,
							message = "must be a decimal amount such as 10.00") String amount,
			@Schema(description = "An invoice the payment paid: the refund gives back to it only, at most what it "
					+ "received from this payment less what is refunded of it. Without it, a payment of several "
					+ "invoices is refunded from its last allocated invoice backwards.",
					example = "G012345678") @Pattern(regexp = "[A-Z0-9]{1,10}",
							message = "must be 1 to 10 of A-Z and 0-9") String invoiceNumber,
			@Size(max = 200) String reason) {
	}

}
