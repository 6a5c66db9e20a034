package com.billingportal.invoice;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cardLimit the largest amount, in the invoice's currency, that may be paid by card; above
 * it the invoice is paid by wire transfer
 * @param pageSize invoices per page of the list
 * @param partMinimumPercent the least part of the balance "Pay another amount" accepts, in percent
 * (or the balance when that is less)
 * @param downloadMax the most invoices one Download (a ZIP) holds
 */
@ConfigurationProperties("billing.invoices")
public record InvoiceProperties(@DefaultValue("50000") BigDecimal cardLimit, @DefaultValue("10") int pageSize,
		@DefaultValue("10") BigDecimal partMinimumPercent, @DefaultValue("50") int downloadMax) {

	public InvoiceProperties {
		if (pageSize < 1 || pageSize > 1000) {
			throw new IllegalArgumentException("billing.invoices.page-size must be between 1 and 1000, not " + pageSize);
		}
	}

}
