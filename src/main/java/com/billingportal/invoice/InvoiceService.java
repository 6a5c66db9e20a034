package com.billingportal.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.Money;
import com.billingportal.portal.NotFoundException;
import com.billingportal.portal.Pages;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class InvoiceService {

	private final InvoiceRepository invoices;

	private final InvoiceLineRepository lines;

	private final InvoiceProperties properties;

	private final Clock clock;

	InvoiceService(InvoiceRepository invoices, InvoiceLineRepository lines, InvoiceProperties properties,
			Clock clock) {
		this.invoices = invoices;
		this.lines = lines;
		this.properties = properties;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * One page of the account's invoices, newest first, filtered and paged in the database; a page
	 * past the end reads the last one.
	 */
	public Page<InvoiceRow> page(AccountAccess access, InvoiceFilter filter, int page) {
		LocalDate today = today();
		return Pages.read(page, this.properties.pageSize(), (pageable) -> this.invoices.findRows(access.accountId(),
				filter, today, this.properties.cardLimit(), pageable));
	}

	/** The account's invoice by its number, or 404. */
	public Invoice invoice(long accountId, String number) {
		return this.invoices.findByNumberAndBillingAccountId(number, accountId)
			.orElseThrow(() -> new NotFoundException("Invoice"));
	}

	/** An invoice of one of the given accounts, for search: a full id typed jumps to it. */
	public java.util.Optional<Invoice> findInAccounts(String number, List<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return java.util.Optional.empty();
		}
		return this.invoices.findByNumberAndBillingAccountIdIn(number, accountIds);
	}

	/**
	 * The invoice, locked against concurrent payment until the caller's transaction ends. The row
	 * lock is what serialises two nodes paying one invoice.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Invoice lockForPayment(long accountId, String number) {
		return this.invoices.lockByNumber(number, accountId).orElseThrow(() -> new NotFoundException("Invoice"));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Invoice lockForPayment(long invoiceId) {
		return this.invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice"));
	}

	public String numberOf(long accountId, long invoiceId) {
		return this.invoices.findById(invoiceId)
			.filter((i) -> i.billingAccountId() == accountId)
			.map(Invoice::number)
			.orElseThrow(() -> new NotFoundException("Invoice"));
	}

	/** Invoice numbers by invoice id, in one query. */
	public java.util.Map<Long, String> numbersOf(java.util.Collection<Long> invoiceIds) {
		if (invoiceIds.isEmpty()) {
			return java.util.Map.of();
		}
		return this.invoices.findAllById(invoiceIds)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Invoice::id, Invoice::number));
	}

	public List<InvoiceLine> lines(Invoice invoice) {
		return this.lines.findByInvoiceIdOrderByLineNoAsc(invoice.id());
	}

	/** Whether the user may pay the invoice now: the one answer, see {@link Payability}. */
	public Payability payability(AccountAccess access, Invoice invoice) {
		return Payability.of(invoice.status(today()), invoice.balanceDue(), isWithinCardLimit(invoice), access);
	}

	public boolean isWithinCardLimit(Invoice invoice) {
		return invoice.isWithinCardLimit(this.properties.cardLimit());
	}

	public Money cardLimit(Invoice invoice) {
		return Money.of(this.properties.cardLimit(), invoice.amountDue().currencyCode());
	}

	public List<Money> balanceDue(long accountId) {
		return this.invoices.balance(accountId, List.of(InvoiceStatus.DUE, InvoiceStatus.PROCESSING))
			.stream()
			.map(total -> Money.of(total.getAmount(), total.getCurrency()))
			.toList();
	}

	public long pastDueCount(long accountId) {
		return this.invoices.countPastDue(accountId, today());
	}

}
