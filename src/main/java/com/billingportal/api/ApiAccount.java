package com.billingportal.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A billing account a client reaches, under the client's own id for it. */
@Entity
@Table(name = "api_account")
class ApiAccount {

	@Id
	@Column(name = "billing_account_id")
	private Long billingAccountId;

	private String client;

	@Column(name = "external_id")
	private String externalId;

	protected ApiAccount() {
	}

	ApiAccount(long billingAccountId, String client, String externalId) {
		this.billingAccountId = billingAccountId;
		this.client = client;
		this.externalId = externalId;
	}

	long billingAccountId() {
		return this.billingAccountId;
	}

	String externalId() {
		return this.externalId;
	}

}
