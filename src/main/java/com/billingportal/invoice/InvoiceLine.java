package com.billingportal.invoice;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "invoice_id")
	private Long invoiceId;

	@Column(name = "line_no")
	private int lineNo;

	@Column(name = "service_name")
	private String serviceName;

	private String description;

	private BigDecimal quantity;

	private String unit;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	private BigDecimal amount;

	protected InvoiceLine() {
	}

	InvoiceLine(long invoiceId, int lineNo, String serviceName, String description, BigDecimal quantity, String unit,
			BigDecimal unitPrice, BigDecimal amount) {
		this.invoiceId = invoiceId;
		this.lineNo = lineNo;
		this.serviceName = serviceName;
		this.description = description;
		this.quantity = quantity;
		this.unit = unit;
		this.unitPrice = unitPrice;
		this.amount = amount;
	}

	/** A line item as {@link InvoiceDocumentQuery} read it, with its id, for showing: not managed by JPA. */
	static InvoiceLine detached(long id, long invoiceId, int lineNo, String serviceName, String description,
			BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount) {
		InvoiceLine line = new InvoiceLine(invoiceId, lineNo, serviceName, description, quantity, unit, unitPrice,
				amount);
		line.id = id;
		return line;
	}

	public int lineNo() {
		return this.lineNo;
	}

	public String serviceName() {
		return this.serviceName;
	}

	public String description() {
		return this.description;
	}

	public BigDecimal quantity() {
		return this.quantity;
	}

	/** The unit in the reader's words ("Hours", "小时"); a unit without a translation as it is billed. */
	public String unitName(org.springframework.context.MessageSource messages, java.util.Locale locale) {
		return messages.getMessage("unit." + this.unit, null, this.unit, locale);
	}

	public String unit() {
		return this.unit;
	}

	public BigDecimal unitPrice() {
		return this.unitPrice;
	}

	public BigDecimal amount() {
		return this.amount;
	}

}
