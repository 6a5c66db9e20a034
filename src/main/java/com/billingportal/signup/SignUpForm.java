package com.billingportal.signup;

/** "Create a billing account" as typed. The password is never shown back to the browser. */
public record SignUpForm(String email, String name, String password, String companyName, String country,
		String currency) {

	public static SignUpForm empty() {
		return new SignUpForm("", "", "", "", "US", "USD");
	}

	public SignUpForm withoutPassword() {
		return new SignUpForm(this.email, this.name, "", this.companyName, this.country, this.currency);
	}

	@Override
	public String toString() {
		return "SignUpForm[" + this.email + "]";
	}

}
