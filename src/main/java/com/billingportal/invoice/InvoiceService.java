package com.billingportal.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.money.Money;
import com.billingportal.portal.ListPage;
import com.billingportal.portal.NotFoundException;
import com.billingportal.portal.Pages;

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

	/** The clock's date. Reads nothing: joins a caller's transaction, opens none. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * One page of the account's invoices, newest first, filtered and paged in the database; a page
	 * past the end reads the last one.
	 */
	public ListPage<InvoiceRow> page(AccountAccess access, InvoiceFilter filter, int page) {
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

	/**
	 * Whether these invoices of the account can be paid together now, read without locks (the
	 * blade's answer); 404 when one of them is not the account's.
	 */
	public InvoiceSelection selection(AccountAccess access, java.util.Collection<String> numbers) {
		List<Invoice> found = numbers.isEmpty() ? List.of()
				: this.invoices.findByBillingAccountIdAndNumberIn(access.accountId(), numbers);
		if (found.size() != numbers.stream().distinct().count()) {
			throw new NotFoundException("Invoice");
		}
		return InvoiceSelection.of(found, today(), this.properties.cardLimit(), access);
	}

	/**
	 * The same answer read under the invoices' row locks, taken one at a time in the order of their
	 * ids: two payments of overlapping invoices queue up instead of deadlocking.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public InvoiceSelection lockSelectionForPayment(AccountAccess access, List<Long> invoiceIds) {
		List<Invoice> locked = invoiceIds.stream().sorted().distinct().map(this::lockForPayment).toList();
		if (locked.stream().anyMatch((i) -> i.billingAccountId() != access.accountId())) {
			throw new NotFoundException("Invoice");
		}
		return InvoiceSelection.of(locked, today(), this.properties.cardLimit(), access);
	}

	/** The account's past-due invoices (of one billing profile, or of all when null), by id. */
	public List<String> pastDueNumbers(long accountId, Long profileId) {
		return this.invoices.pastDue(accountId, today())
			.stream()
			.filter((i) -> profileId == null || i.billingProfileId() == profileId)
			.map(Invoice::number)
			.toList();
	}

	/**
	 * The numbers of the invoices the filter matches, newest first, at most {@code max} (read in
	 * the database, as the list pages are).
	 */
	public List<String> numbers(AccountAccess access, InvoiceFilter filter, int max) {
		return this.invoices
			.findRows(access.accountId(), filter, today(), this.properties.cardLimit(),
					org.springframework.data.domain.PageRequest.of(0, max))
			.stream()
			.map(InvoiceRow::number)
			.toList();
	}

	/** The account's invoices by number, in the order given; 404 when one is not the account's. */
	public List<Invoice> invoicesByNumber(AccountAccess access, List<String> numbers) {
		java.util.Map<String, Invoice> found = this.invoices
			.findByBillingAccountIdAndNumberIn(access.accountId(), numbers)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Invoice::number, (i) -> i));
		if (found.size() != numbers.size()) {
			throw new NotFoundException("Invoice");
		}
		return numbers.stream().map(found::get).toList();
	}

	/** The account's invoices with these ids, by id, in one query. */
	public List<Invoice> invoicesOf(long accountId, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.invoices.findByIds(accountId, ids);
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
		return this.invoices.findNumbersByIds(invoiceIds)
			.stream()
			.collect(java.util.stream.Collectors.toMap((row) -> (Long) row[0], (row) -> (String) row[1]));
	}

	public List<InvoiceLine> lines(Invoice invoice) {
		return this.lines.findByInvoiceIdOrderByLineNoAsc(invoice.id());
	}

	/** Whether the user may pay the invoice now: the one answer, see {@link Payability}. Reads nothing. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Payability payability(AccountAccess access, Invoice invoice) {
		return Payability.of(invoice.status(today()), invoice.balanceDue(), isWithinCardLimit(invoice), access);
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean isWithinCardLimit(Invoice invoice) {
		return invoice.isWithinCardLimit(this.properties.cardLimit());
	}

	/** The most invoices one Download (a ZIP) holds. A setting: no transaction needed. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public int downloadMax() {
		return this.properties.downloadMax();
	}

	/** The rule of "Pay another amount". A setting: joins a caller's transaction, opens none. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public PartPayment partPayment() {
		return new PartPayment(this.properties.partMinimumPercent());
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public Money cardLimit(Invoice invoice) {
		return Money.of(this.properties.cardLimit(), invoice.amountDue().currencyCode());
	}

}
