package com.billingportal.payment.web;

import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.payment.Receipt;
import com.billingportal.payment.ReceiptService;
import com.billingportal.portal.Downloads;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The receipt of a succeeded payment, as a page and as a PDF; anyone with access to the account may read it. */
@Controller
class ReceiptController {

	private final BillingAccountService accounts;

	private final ReceiptService receipts;

	private final ReceiptPdf pdf;

	ReceiptController(BillingAccountService accounts, ReceiptService receipts, ReceiptPdf pdf) {
		this.accounts = accounts;
		this.receipts = receipts;
		this.pdf = pdf;
	}

	@GetMapping("/billing/accounts/{accountId}/payments/{reference}/receipt")
	String receipt(@CurrentUser PortalUser user, @PathVariable long accountId, @PathVariable String reference,
			Model model, Locale locale) {
		AccountAccess access = this.accounts.access(user.id(), accountId);
		Receipt receipt = this.receipts.receipt(access, reference);
		model.addAttribute("access", access);
		model.addAttribute("receipt", receipt);
		model.addAttribute("facts", this.pdf.facts(receipt, locale));
		return "payment/receipt";
	}

	@GetMapping("/billing/accounts/{accountId}/payments/{reference}/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(@CurrentUser PortalUser user, @PathVariable long accountId,
			@PathVariable String reference, Locale locale) {
		Receipt receipt = this.receipts.receipt(this.accounts.access(user.id(), accountId), reference);
		return Downloads.attachment(this.pdf.render(receipt, locale), MediaType.APPLICATION_PDF,
				"Receipt-" + receipt.invoiceNumber() + "-" + receipt.payment().reference() + ".pdf");
	}

}
