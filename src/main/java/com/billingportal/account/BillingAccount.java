package com.billingportal.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "billing_account")
public class BillingAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "agreement_type")
	private AgreementType agreementType;

	@Column(name = "sold_to_company")
	private String soldToCompany;

	@Column(name = "sold_to_line1")
	private String soldToLine1;

	@Column(name = "sold_to_city")
	private String soldToCity;

	@Column(name = "sold_to_postal")
	private String soldToPostal;

	@Column(name = "sold_to_country")
	private String soldToCountry;

	@Column(name = "admin_user_id")
	private Long adminUserId;

	@Column(name = "created_at")
	private Instant createdAt;

	protected BillingAccount() {
	}

	public BillingAccount(String name, AgreementType agreementType, Address soldTo, long adminUserId,
			Instant createdAt) {
		this.name = name;
		this.agreementType = agreementType;
		this.soldToCompany = soldTo.company();
		this.soldToLine1 = soldTo.line1();
		this.soldToCity = soldTo.city();
		this.soldToPostal = soldTo.postalCode();
		this.soldToCountry = soldTo.country();
		this.adminUserId = adminUserId;
		this.createdAt = createdAt;
	}

	public Long id() {
		return this.id;
	}

	/** Also read by plain SQL for invoices ({@link SoldToQuery}): a change here changes it there too. */
	public String name() {
		return this.name;
	}

	public AgreementType agreementType() {
		return this.agreementType;
	}

	/** Also read by plain SQL for invoices ({@link SoldToQuery}): a change here changes it there too. */
	public Address soldTo() {
		return new Address(this.soldToCompany, this.soldToLine1, this.soldToCity, this.soldToPostal,
				this.soldToCountry);
	}

	/** New name, agreement type and sold-to address, as the billing system that owns the account says. */
	public void amend(String name, AgreementType agreementType, Address soldTo) {
		this.name = name;
		this.agreementType = agreementType;
		this.soldToCompany = soldTo.company();
		this.soldToLine1 = soldTo.line1();
		this.soldToCity = soldTo.city();
		this.soldToPostal = soldTo.postalCode();
		this.soldToCountry = soldTo.country();
	}

	/** The billing account admin: the user who originally signed up for the account. */
	public long adminUserId() {
		return this.adminUserId;
	}

}
