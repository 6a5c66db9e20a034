package com.billingportal.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A saved card: what a person needs to recognise it and the gateway's token to charge it. The
 * card number and the CVC never reach this class.
 */
@Entity
@Table(name = "credit_card")
public class CreditCard {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "billing_account_id")
	private Long billingAccountId;

	@Enumerated(EnumType.STRING)
	private CardBrand brand;

	@Column(name = "last_four")
	private String lastFour;

	@Column(name = "expiry_month")
	private int expiryMonth;

	@Column(name = "expiry_year")
	private int expiryYear;

	@Column(name = "holder_name")
	private String holderName;

	private String country;

	@Column(name = "postal_code")
	private String postalCode;

	@Column(name = "gateway_token")
	private String gatewayToken;

	private String fingerprint;

	@Column(name = "fingerprint_key_id")
	private String fingerprintKeyId;

	@Enumerated(EnumType.STRING)
	private CardStatus status;

	@Column(name = "created_at")
	private Instant createdAt;

	/** When the coming expiry of this expiry date was announced (CardExpiryWatch); cleared by a new expiry. */
	@Column(name = "expiry_announced_at")
	private Instant expiryAnnouncedAt;

	@Version
	private long version;

	protected CreditCard() {
	}

	CreditCard(long billingAccountId, CardBrand brand, String lastFour, YearMonth expiry, String holderName,
			String country, String postalCode, TokenizedCard token, CardFingerprint fingerprint, Instant createdAt) {
		this.billingAccountId = billingAccountId;
		this.brand = brand;
		this.lastFour = lastFour;
		this.expiryMonth = expiry.getMonthValue();
		this.expiryYear = expiry.getYear();
		this.holderName = holderName;
		this.country = country;
		this.postalCode = postalCode;
		this.gatewayToken = token.token();
		this.fingerprint = fingerprint.value();
		this.fingerprintKeyId = fingerprint.keyId();
		this.status = CardStatus.ACTIVE;
		this.createdAt = createdAt;
	}

	public Long id() {
		return this.id;
	}

	public long billingAccountId() {
		return this.billingAccountId;
	}

	public CardBrand brand() {
		return this.brand;
	}

	public String lastFour() {
		return this.lastFour;
	}

	public YearMonth expiry() {
		return YearMonth.of(this.expiryYear, this.expiryMonth);
	}

	public String holderName() {
		return this.holderName;
	}

	public String gatewayToken() {
		return this.gatewayToken;
	}

	/** Null for a card saved before the deployment's current key (see {@link CardFingerprints}). */
	public String fingerprint() {
		return this.fingerprint;
	}

	/** Edit: the cardholder name and expiry, as printed on a renewed card. */
	void edit(String holderName, YearMonth expiry) {
		this.holderName = holderName;
		newExpiry(expiry);
	}

	/**
	 * The same card typed again with a new expiry, after this one expired: the renewed card's expiry
	 * and the vault's new token replace the old ones.
	 */
	void renew(YearMonth expiry, TokenizedCard token) {
		newExpiry(expiry);
		this.gatewayToken = token.token();
	}

	private void newExpiry(YearMonth expiry) {
		if (!expiry.equals(expiry())) {
			this.expiryAnnouncedAt = null;
		}
		this.expiryMonth = expiry.getMonthValue();
		this.expiryYear = expiry.getYear();
	}

	/** The last day this card can be charged: the end of its expiry month. */
	public LocalDate lastDay() {
		return expiry().atEndOfMonth();
	}

	void remove() {
		this.status = CardStatus.REMOVED;
	}

	/** A card can be charged up to the last day of its expiry month. */
	public boolean isExpiredAt(YearMonth now) {
		return expiry().isBefore(now);
	}

}
