package com.billingportal.portal;

import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list as asked for in the address bar, where anything can be typed: what is not a
 * page number reads the first page, and a page past the end reads the last one.
 */
public final class Pages {

	private Pages() {
	}

	/** The page number typed: digits only, else the first page (0); a huge number stays huge. */
	public static int number(String typed) {
		if (typed == null || !typed.strip().matches("[0-9]{1,30}")) {
			return 0;
		}
		String digits = typed.strip().replaceFirst("^0+(?=.)", "");
		return (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) ? Integer.MAX_VALUE
				: Integer.parseInt(digits);
	}

	/**
	 * Reads the page with the query; past the end, reads the last page instead (one more query,
	 * only then). The first row asked for must fit JPA's int offset, whatever page was typed.
	 */
	public static <T> Page<T> read(int number, int size, Function<Pageable, Page<T>> query) {
		int highest = Integer.MAX_VALUE / size - 1;
		Page<T> page = query.apply(PageRequest.of(Math.min(Math.max(number, 0), highest), size));
		if (page.getNumber() > 0 && page.getNumber() >= page.getTotalPages()) {
			return query.apply(PageRequest.of(Math.max(page.getTotalPages() - 1, 0), size));
		}
		return page;
	}

}
