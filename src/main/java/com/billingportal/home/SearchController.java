package com.billingportal.home;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceService;
import com.billingportal.user.CurrentUser;
import com.billingportal.user.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The top bar's search: services by name or keyword, the user's billing accounts, and an invoice
 * id typed in full jumps to that invoice. Nothing outside the user's accounts is ever shown.
 */
@Controller
class SearchController {

	private static final Pattern INVOICE_ID = Pattern.compile("[A-Za-z][0-9]{9}");

	private final BillingAccountService accounts;

	private final InvoiceService invoices;

	SearchController(BillingAccountService accounts, InvoiceService invoices) {
		this.accounts = accounts;
		this.invoices = invoices;
	}

	@GetMapping("/search")
	String search(@CurrentUser PortalUser user, @RequestParam(name = "q", defaultValue = "") String query,
			Model model) {
		String q = query.strip();
		if (q.length() > 200) {
			q = q.substring(0, 200);
		}
		List<AccountAccess> mine = this.accounts.accountsOf(user.id());
		if (INVOICE_ID.matcher(q).matches()) {
			var invoice = this.invoices.findInAccounts(q.toUpperCase(Locale.ROOT),
					mine.stream().map(AccountAccess::accountId).toList());
			if (invoice.isPresent()) {
				return "redirect:/billing/accounts/" + invoice.get().billingAccountId() + "/invoices/"
						+ invoice.get().number();
			}
		}
		String lower = q.toLowerCase(Locale.ROOT);
		final String needle = q;
		model.addAttribute("q", q);
		model.addAttribute("services", needle.isEmpty() ? List.of()
				: PortalService.ALL.stream().filter((s) -> s.matches(needle)).toList());
		model.addAttribute("accounts", lower.isEmpty() ? List.of()
				: mine.stream().filter((a) -> a.accountName().toLowerCase(Locale.ROOT).contains(lower)).toList());
		return "home/search";
	}

}
