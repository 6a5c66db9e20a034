package com.billingportal.portal;

/** A list's page number as typed in the address bar. */
public final class PageNumber {

	private PageNumber() {
	}

	/**
	 * The zero-based page: 0 when absent, and a number below 0 is the first page. Anything that
	 * cannot be a page number is "not found", like an id that cannot be one.
	 */
	public static int parse(String page) {
		if (page == null || page.isBlank()) {
			return 0;
		}
		if (!page.strip().matches("-?[0-9]{1,9}")) {
			throw new NotFoundException("Page");
		}
		return Math.max(Integer.parseInt(page.strip()), 0);
	}

}
