package com.billingportal.portal;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list whose total may be known only as "more than": the rows were counted up to a
 * bound ({@link Pages#counted}), not all of them. Its {@link #getTotalElements()} is then one more
 * than the rows known to be there, so that the page offers Next; the pager shows
 * {@link #getKnownElements()} and {@link #getKnownPages()} with "more than".
 */
public class ListPage<T> extends PageImpl<T> {

	private final boolean exact;

	private final long known;

	private ListPage(List<T> content, Pageable pageable, long known, boolean exact) {
		super(content, pageable, exact ? known : known + 1);
		this.exact = exact;
		this.known = exact ? getTotalElements() : known;
	}

	/** A page of a list of exactly {@code total} rows. */
	public static <T> ListPage<T> exact(List<T> content, Pageable pageable, long total) {
		return new ListPage<>(content, pageable, total, true);
	}

	/** A page of a list of more than {@code rows} rows. */
	public static <T> ListPage<T> moreThan(List<T> content, Pageable pageable, long rows) {
		return new ListPage<>(content, pageable, rows, false);
	}

	/** Whether the total is exact; if not, the list has more than {@link #getKnownElements()} rows. */
	public boolean isTotalExact() {
		return this.exact;
	}

	/** The total if exact, else the number of rows the list is known to have more than. */
	public long getKnownElements() {
		return this.known;
	}

	/** The number of pages if exact, else the number of whole pages the list is known to have more than. */
	public long getKnownPages() {
		return this.exact ? getTotalPages() : this.known / getSize();
	}

}
