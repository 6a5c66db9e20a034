package com.billingportal.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where to send a wire transfer: shown in "How to pay" on every invoice (page and PDF). The
 * defaults are demo values; a deployment sets its own bank details.
 *
 * @param bankName the receiving bank
 * @param accountName the beneficiary
 * @param accountNumber the account number or IBAN
 * @param swift the bank's SWIFT/BIC code
 */
@ConfigurationProperties("billing.wire-transfer")
public record WireTransfer(@DefaultValue("Contoso Demo Bank") String bankName,
		@DefaultValue("Billing Portal Demo Ltd") String accountName,
		@DefaultValue("000123456789") String accountNumber, @DefaultValue("DEMOUS33XXX") String swift) {

}
