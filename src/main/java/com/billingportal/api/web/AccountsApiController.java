package com.billingportal.api.web;

import java.util.Currency;
import java.util.List;

import com.billingportal.account.Address;
import com.billingportal.api.ApiAccounts;
import com.billingportal.api.ApiAccounts.AccountRequest;
import com.billingportal.api.ApiClient;
import com.billingportal.api.web.ApiBodies.AccountBody;
import com.billingportal.api.web.ApiBodies.AddressBody;
import com.billingportal.api.web.ApiBodies.ProfileBody;
import com.billingportal.api.web.ApiJson.AccountJson;
import com.billingportal.api.web.ApiJson.ProfileJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Billing accounts and their billing profiles, under the client's own ids for its accounts. */
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Billing accounts and billing profiles")
class AccountsApiController {

	private final ApiAccounts accounts;

	AccountsApiController(ApiAccounts accounts) {
		this.accounts = accounts;
	}

	@PutMapping("/{accountExternalId}")
	@Operation(summary = "Create or update a billing account",
			description = "accountId is the billing system's own id for the account (1-100 of a-z, A-Z, 0-9, '.', '_', '-'). "
					+ "201 when created (with a first billing profile in the currency), 200 when updated. An admin email "
					+ "nobody signs in with is invited: emailed a link to set a password (adminStatus 'invited' until "
					+ "then); the admin is never changed.")
	ResponseEntity<AccountJson> upsert(@AuthenticationPrincipal ApiClient client, @PathVariable("accountExternalId") String accountId,
			@Valid @RequestBody AccountBody body) {
		if (!accountId.matches("[A-Za-z0-9._-]{1,100}")) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, "accountId", "must be 1-100 of a-z, A-Z, 0-9, '.', '_', '-'");
		}
		ApiAccounts.Upserted upserted = this.accounts.upsert(client, accountId, new AccountRequest(body.name(),
				body.agreementType(), currency("currency", body.currency()), body.adminEmail(), address(body.soldTo())));
		return ResponseEntity.status(upserted.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(AccountJson.of(accountId, upserted.account(), this.accounts.adminEmail(upserted.account()),
					this.accounts.adminStatus(upserted.account())));
	}

	@GetMapping("/{accountExternalId}/billing-profiles")
	@Operation(summary = "List the account's billing profiles")
	List<ProfileJson> profiles(@AuthenticationPrincipal ApiClient client, @PathVariable("accountExternalId") String accountId) {
		return this.accounts.profiles(this.accounts.accountId(client, accountId)).stream().map(ProfileJson::of).toList();
	}

	@PostMapping("/{accountExternalId}/billing-profiles")
	@Operation(summary = "Add a billing profile to the account")
	ResponseEntity<ProfileJson> addProfile(@AuthenticationPrincipal ApiClient client, @PathVariable("accountExternalId") String accountId,
			@Valid @RequestBody ProfileBody body) {
		long id = this.accounts.accountId(client, accountId);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ProfileJson.of(this.accounts.addProfile(client, id, body.name(), currency("currency", body.currency()),
					address(body.billTo()))));
	}

	static Currency currency(String field, String code) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidField(HttpStatus.BAD_REQUEST, field, "is not an ISO 4217 currency code");
		}
	}

	private static Address address(AddressBody body) {
		return new Address(body.company(), blank(body.line1()), blank(body.city()), blank(body.postalCode()),
				body.country());
	}

	private static String blank(String value) {
		return (value != null) ? value : "";
	}

}
