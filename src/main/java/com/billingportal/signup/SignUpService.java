package com.billingportal.signup;

import java.util.Currency;

import com.billingportal.account.Address;
import com.billingportal.account.BillingAccountService;
import com.billingportal.audit.AuditService;
import com.billingportal.audit.AuditService.Actor;
import com.billingportal.profile.BillingProfileService;
import com.billingportal.user.EmailAddress;
import com.billingportal.user.UserService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * "Create a billing account": a new user, a Microsoft Customer Agreement billing account with them
 * as its admin (an Owner), and a first billing profile, in one transaction.
 */
@Service
public class SignUpService {

	private final SignUpValidator validator;

	private final UserService users;

	private final BillingAccountService accounts;

	private final BillingProfileService profiles;

	private final AuditService audit;

	SignUpService(SignUpValidator validator, UserService users, BillingAccountService accounts,
			BillingProfileService profiles, AuditService audit) {
		this.validator = validator;
		this.users = users;
		this.accounts = accounts;
		this.profiles = profiles;
		this.audit = audit;
	}

	/** Creates the user, the account and its first profile; returns who signed up and where. */
	@Transactional
	public SignedUp signUp(SignUpForm form) {
		var errors = new BeanPropertyBindingResult(form, "form");
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			throw new IllegalArgumentException("Sign-up form has not been validated: "
					+ errors.getFieldErrors().size() + " field(s) in error");
		}
		String email = EmailAddress.parse(form.email()).address().value();
		String company = SignUpValidator.trim(form.companyName());
		String country = SignUpValidator.trim(form.country());
		long userId = this.users.create(email, SignUpValidator.trim(form.name()), form.password());
		Address address = new Address(company, "", "", "", country);
		long accountId = this.accounts.open(company, address, userId);
		long profileId = this.profiles.create(accountId, company,
				Currency.getInstance(SignUpValidator.trim(form.currency())), address, true);
		Actor actor = new Actor(userId, email);
		this.audit.record(actor, "SIGNED_UP", "BillingAccount", accountId, accountId,
				"billing profile " + profileId + ", " + form.currency());
		return new SignedUp(userId, email, accountId);
	}

	public record SignedUp(long userId, String email, long accountId) {
	}

}
