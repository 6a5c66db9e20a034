package com.billingportal.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param countLimit how far a paged list counts its rows to tell its total: from the page shown to
 * the next multiple of this many rows past it ({@link Pages#counted}); a list with more says "more
 * than" instead, so that a page takes the same time however many rows the account has (issue 11)
 */
@ConfigurationProperties("billing.lists")
public record ListProperties(@DefaultValue("1000") int countLimit) {

	public ListProperties {
		if (countLimit < 1 || countLimit > 1_000_000) {
			throw new IllegalArgumentException(
					"billing.lists.count-limit must be between 1 and 1000000, not " + countLimit);
		}
	}

}
