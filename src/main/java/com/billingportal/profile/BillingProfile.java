package com.billingportal.profile;

import java.util.Currency;

import com.billingportal.account.Address;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "billing_profile")
public class BillingProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	private String name;

	private String currency;

	@Column(name = "bill_to_company")
	private String billToCompany;

	@Column(name = "bill_to_line1")
	private String billToLine1;

	@Column(name = "bill_to_city")
	private String billToCity;

	@Column(name = "bill_to_postal")
	private String billToPostal;

	@Column(name = "bill_to_country")
	private String billToCountry;

	@Column(name = "po_number")
	private String poNumber;

	@Column(name = "default_card_id")
	private Long defaultCardId;

	@Version
	private long version;

	protected BillingProfile() {
	}

	public BillingProfile(long billingAccountId, String name, Currency currency, Address billTo, String poNumber) {
		this.billingAccountId = billingAccountId;
		this.name = name;
		this.currency = currency.getCurrencyCode();
		this.billToCompany = billTo.company();
		this.billToLine1 = billTo.line1();
		this.billToCity = billTo.city();
		this.billToPostal = billTo.postalCode();
		this.billToCountry = billTo.country();
		this.poNumber = poNumber;
	}

	public Long id() {
		return this.id;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public String name() {
		return this.name;
	}

	public Currency currency() {
		return Currency.getInstance(this.currency);
	}

	public Address billTo() {
		return new Address(this.billToCompany, this.billToLine1, this.billToCity, this.billToPostal,
				this.billToCountry);
	}

	public String poNumber() {
		return this.poNumber;
	}

	public Long defaultCardId() {
		return this.defaultCardId;
	}

	public void makeDefault(long cardId) {
		this.defaultCardId = cardId;
	}

	/** The profile has no default payment method any more (its card was deleted). */
	public void clearDefault() {
		this.defaultCardId = null;
	}

}
