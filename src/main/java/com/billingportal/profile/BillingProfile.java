package com.billingportal.profile;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.billingportal.account.Address;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
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

	@Column(name = "tax_id")
	private String taxId;

	@Column(name = "invoice_email")
	private boolean invoiceEmail;

	/** Read only where shown (the profiles page, the edit form): invoices never load it. */
	@ElementCollection
	@CollectionTable(name = "billing_profile_recipient", joinColumns = @JoinColumn(name = "billing_profile_id"))
	@Column(name = "email")
	@OrderBy
	private List<String> recipients = new ArrayList<>();

	/** "Automatic payment with the default card" (autopay module). */
	private boolean autopay;

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

	/**
	 * Also read by plain SQL for invoices ({@link BillToQuery}), with the name, PO number and tax ID: a
	 * change to any of them here changes it there too.
	 */
	public Address billTo() {
		return new Address(this.billToCompany, this.billToLine1, this.billToCity, this.billToPostal,
				this.billToCountry);
	}

	public String poNumber() {
		return this.poNumber;
	}

	/** The tax ID printed on invoices, or null. */
	public String taxId() {
		return this.taxId;
	}

	/** The Invoice email preference: whether invoices are emailed when issued. */
	public boolean invoiceEmail() {
		return this.invoiceEmail;
	}

	/** Whether the default card is charged automatically for issued invoices. */
	public boolean autopay() {
		return this.autopay;
	}

	/** Automatic payment on: new MCA profiles get it, effective once they have a default card. */
	void turnOnAutopay() {
		this.autopay = true;
	}

	/** The additional recipients of invoice emails, normalised addresses. */
	public List<String> recipients() {
		return List.copyOf(this.recipients);
	}

	/**
	 * Takes the properties the admin saved; answers the names of the fields that changed (what the
	 * audit event says, never their values).
	 */
	List<String> edit(ProfileProperties properties) {
		List<String> changed = new ArrayList<>();
		Address billTo = properties.billTo();
		change(changed, "name", this.name, properties.name(), (v) -> this.name = v);
		change(changed, "billTo.company", this.billToCompany, billTo.company(), (v) -> this.billToCompany = v);
		change(changed, "billTo.line1", this.billToLine1, billTo.line1(), (v) -> this.billToLine1 = v);
		change(changed, "billTo.city", this.billToCity, billTo.city(), (v) -> this.billToCity = v);
		change(changed, "billTo.postalCode", this.billToPostal, billTo.postalCode(), (v) -> this.billToPostal = v);
		change(changed, "billTo.country", this.billToCountry, billTo.country(), (v) -> this.billToCountry = v);
		change(changed, "poNumber", this.poNumber, properties.poNumber(), (v) -> this.poNumber = v);
		change(changed, "taxId", this.taxId, properties.taxId(), (v) -> this.taxId = v);
		if (this.invoiceEmail != properties.invoiceEmail()) {
			this.invoiceEmail = properties.invoiceEmail();
			changed.add("invoiceEmail");
		}
		if (this.autopay != properties.autopay()) {
			this.autopay = properties.autopay();
			changed.add("autopay");
		}
		if (!new TreeSet<>(this.recipients).equals(new TreeSet<>(properties.recipients()))) {
			this.recipients.clear();
			this.recipients.addAll(properties.recipients());
			changed.add("recipients");
		}
		return changed;
	}

	private static void change(List<String> changed, String field, String before, String after,
			Consumer<String> set) {
		if (!Objects.equals(before, after)) {
			set.accept(after);
			changed.add(field);
		}
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
