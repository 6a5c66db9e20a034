package com.billingportal.account;

/** A postal address as printed on an invoice. */
public record Address(String company, String line1, String city, String postalCode, String country) {

}
