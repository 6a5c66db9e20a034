package com.billingportal.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's total is counted up to a bound ({@link Pages#counted}): never more than the count limit,
 * a page and one row beyond the page's offset, so that a page costs the same for a list of a hundred
 * rows as for one of a hundred thousand; below the bound the total is exact, above it the page says
 * "more than" and still offers Next.
 */
class CountedPagesTest {

	private static final int SIZE = 10;

	private static final int LIMIT = 1000;

	/** The windows counted: offset and limit of each count. */
	private final List<int[]> counts = new ArrayList<>();

	@Test
	void aListWithinTheLimitHasItsExactTotal() {
		ListPage<Integer> page = page(999, 0);
		assertThat(page.isTotalExact()).isTrue();
		assertThat(page.getTotalElements()).isEqualTo(999);
		assertThat(page.getTotalPages()).isEqualTo(100);
		assertThat(page.getKnownElements()).isEqualTo(999);
		assertThat(page.getKnownPages()).isEqualTo(100);
		assertThat(page.hasNext()).isTrue();
	}

	@Test
	void aListOfAHundredThousandIsCountedOnlyUpToTheLimit() {
		ListPage<Integer> page = page(100_000, 2);
		assertThat(page.isTotalExact()).isFalse();
		assertThat(page.getKnownElements()).isEqualTo(1000);
		assertThat(page.getKnownPages()).isEqualTo(100);
		assertThat(page.hasNext()).isTrue();
		assertThat(page.getContent()).hasSize(SIZE).first().isEqualTo(20);
		assertThat(this.counts).singleElement().satisfies((w) -> assertThat(w).containsExactly(20, 981));
	}

	@Test
	void aPageBeyondTheLimitStillKnowsWhetherThereIsANextOne() {
		ListPage<Integer> page = page(100_000, 149);
		assertThat(page.isTotalExact()).isFalse();
		assertThat(page.getNumber()).isEqualTo(149);
		assertThat(page.getKnownElements()).isEqualTo(2000);
		assertThat(page.hasNext()).isTrue();

		ListPage<Integer> last = page(100_000, 9999);
		assertThat(last.isTotalExact()).isTrue();
		assertThat(last.getTotalElements()).isEqualTo(100_000);
		assertThat(last.hasNext()).isFalse();

		ListPage<Integer> nearTheEnd = page(1_005, 99);
		assertThat(nearTheEnd.isTotalExact()).as("1,005 rows: the window from row 990 holds them all").isTrue();
		assertThat(nearTheEnd.getTotalElements()).isEqualTo(1_005);
	}

	@Test
	void noCountReadsMoreThanTheLimitAndAPageBeyondThePageShown() {
		for (int rows : new int[] { 0, 5, 10, 999, 1000, 1001, 1009, 1010, 1011, 100_000 }) {
			for (int number = 0; number * SIZE < rows; number++) {
				this.counts.clear();
				ListPage<Integer> page = page(rows, number);
				long offset = (long) number * SIZE;
				assertThat(this.counts).as("rows %d page %d", rows, number)
					.allSatisfy((w) -> assertThat(w[1]).isLessThanOrEqualTo(LIMIT + SIZE + 1))
					.allSatisfy((w) -> assertThat((long) w[0]).isEqualTo(offset));
				assertThat(page.hasNext()).as("rows %d page %d", rows, number).isEqualTo((number + 1) * SIZE < rows);
				if (page.isTotalExact()) {
					assertThat(page.getTotalElements()).isEqualTo(rows);
				}
				else {
					assertThat(page.getKnownElements()).isLessThan(rows).isGreaterThanOrEqualTo(LIMIT);
					assertThat(page.getKnownPages() * SIZE).isLessThan(rows);
				}
			}
		}
	}

	@Test
	void aPagePastTheEndCountsTheRowsBeforeItToFindTheLastPage() {
		ListPage<Integer> past = Pages.read(500, SIZE, (pageable) -> page(4_321, pageable.getPageNumber()));
		assertThat(past.getNumber()).isEqualTo(432);
		assertThat(past.getTotalElements()).isEqualTo(4_321);
		assertThat(past.getContent()).containsExactly(4_320);

		ListPage<Integer> far = Pages.read(Integer.MAX_VALUE, SIZE,
				(pageable) -> page(100_000, pageable.getPageNumber()));
		assertThat(far.getNumber()).isEqualTo(9_999);
		assertThat(far.isTotalExact()).isTrue();
		assertThat(far.hasNext()).isFalse();
	}

	@Test
	void aListThatFitsOnePageIsNotCounted() {
		ListPage<Integer> page = page(7, 0);
		assertThat(page.getTotalElements()).isEqualTo(7);
		assertThat(this.counts).isEmpty();
		assertThat(page(0, 0).getTotalElements()).isZero();
		assertThat(this.counts).isEmpty();
	}

	/** Page {@code number} of a list of the numbers 0 to {@code rows} - 1, counted as a database would. */
	private ListPage<Integer> page(int rows, int number) {
		PageRequest pageable = PageRequest.of(number, SIZE);
		long from = Math.min(pageable.getOffset(), rows);
		List<Integer> content = IntStream.range((int) from, (int) Math.min(from + SIZE, rows)).boxed().toList();
		return Pages.counted(content, pageable, LIMIT, (offset, limit) -> {
			this.counts.add(new int[] { offset, limit });
			return Math.max(0, Math.min(limit, rows - offset));
		});
	}

}
