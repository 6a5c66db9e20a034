package com.billingportal.payment.web;

import java.util.Locale;

import com.billingportal.account.AccountAccess;
import com.billingportal.payment.Receipt;
import com.billingportal.payment.ReceiptPdf;
import com.billingportal.payment.ReceiptService;
import com.billingportal.portal.Downloads;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The receipt of a succeeded payment, as a page and as a PDF; anyone with access to the account may read it. */
@Controller
@RequestMapping("/billing/accounts/{accountId}/payments/{reference}")
class ReceiptController {

	private final ReceiptService receipts;

	private final ReceiptPdf pdf;

	ReceiptController(ReceiptService receipts, ReceiptPdf pdf) {
		this.receipts = receipts;
		this.pdf = pdf;
	}

	@GetMapping("/receipt")
	String receipt(AccountAccess access, @PathVariable String reference, Model model, Locale locale) {
		Receipt receipt = this.receipts.receipt(access, reference);
		model.addAttribute("access", access);
		model.addAttribute("receipt", receipt);
		model.addAttribute("facts", this.pdf.facts(receipt, locale));
		return "payment/receipt";
	}

	@GetMapping("/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(AccountAccess access, @PathVariable String reference, Locale locale) {
		Receipt receipt = this.receipts.receipt(access, reference);
		return Downloads.attachment(this.pdf.render(receipt, locale), MediaType.APPLICATION_PDF,
				"Receipt-" + receipt.invoiceNumber() + "-" + receipt.payment().reference() + ".pdf");
	}

}
