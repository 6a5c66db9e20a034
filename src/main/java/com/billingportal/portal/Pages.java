package com.billingportal.portal;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list as asked for in the address bar, where anything can be typed: what is not a
 * page number reads the first page, and a page past the end reads the last one.
 * <p>
 * A list's total is counted only up to a bound ({@link #counted}): beyond it the page knows that
 * there are "more than" so many rows, and a page costs the same whether the account has a hundred
 * rows or a hundred thousand.
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
	public static <T, P extends Page<T>> P read(int number, int size, Function<Pageable, P> query) {
		int highest = Integer.MAX_VALUE / size - 1;
		P page = query.apply(PageRequest.of(Math.min(Math.max(number, 0), highest), size));
		if (page.getNumber() > 0 && page.getNumber() >= page.getTotalPages()) {
			return query.apply(PageRequest.of(Math.max(page.getTotalPages() - 1, 0), size));
		}
		return page;
	}

	/**
	 * The page of {@code rows} with as much of the total as {@code count} tells within a bound.
	 * Without counting when the rows tell it (a page that is not full, a first page that is empty).
	 * Otherwise one count of the rows from the page's offset up to one past the next multiple of
	 * {@code countLimit} beyond the page (at most {@code countLimit} and a page of rows): up to that
	 * multiple, the total is exact; past it, the list has "more than" that many rows (the bound
	 * moves on with the pages, so a page far down the list still knows whether there is a next
	 * one). A page past the end counts the rows before it, no more than the rows query has just
	 * read, to find the last page.
	 */
	public static <T> ListPage<T> counted(List<T> rows, Pageable pageable, int countLimit, WindowCount count) {
		long offset = pageable.getOffset();
		int size = pageable.getPageSize();
		if (!rows.isEmpty() && rows.size() < size || rows.isEmpty() && offset == 0) {
			return ListPage.exact(rows, pageable, offset + rows.size());
		}
		if (rows.isEmpty()) {
			return ListPage.exact(rows, pageable, count.rows(0, Math.toIntExact(offset)));
		}
		long bound = ((offset + size) / countLimit + 1) * countLimit;
		int limit = Math.toIntExact(bound - offset);
		long counted = count.rows(Math.toIntExact(offset), limit + 1);
		return (counted <= limit) ? ListPage.exact(rows, pageable, offset + counted)
				: ListPage.moreThan(rows, pageable, bound);
	}

	/**
	 * A page of a list read in two steps: the ids of its rows first, by {@code ids} (JPQL {@code
	 * select x.id from … where … order by …}, in an index's order, the conditions' parameters bound by
	 * {@code where}), which skips the rows before the page in the index alone; then those rows, by
	 * {@code rows} (JPQL with {@code %s} where the ids' subquery goes, in the same order). Skipping
	 * through whole rows and what they join read each of them from the tables: the last of 4,800
	 * Payments pages took 76 ms that way, 8 ms from the index. The offset is bound; the page size, a
	 * setting, is written into the statement, because PostgreSQL's generic plan ({@link GenericPlans})
	 * must know how many rows are asked for.
	 */
	public static <T> TypedQuery<T> idsFirst(EntityManager entityManager, String rows, String ids, Class<T> type,
			QueryConditions where, Pageable pageable) {
		String page = ids + " offset :pageOffset rows fetch first " + pageable.getPageSize() + " rows only";
		return where.bind(entityManager.createQuery(rows.formatted(page), type))
			.setParameter("pageOffset", Math.toIntExact(pageable.getOffset()));
	}

	/**
	 * The query that counts a window of a list's rows, as JPQL: {@code id} of the rows
	 * {@code from} (conditions and order included, the list's order so that the database walks the
	 * same index as the rows query), the conditions' parameters bound by {@code where}. Its offset
	 * and row limit are bound: where it runs with PostgreSQL's generic plans ({@link GenericPlans}),
	 * that is safe only because its order is an index's, so that no plan reads the rows otherwise.
	 */
	public static WindowCount count(EntityManager entityManager, String id, String from, QueryConditions where) {
		String text = "select count(*) from (select " + id + " as id " + from
				+ " offset :countOffset rows fetch first :countLimit rows only) w";
		return (offset, limit) -> where.bind(entityManager.createQuery(text, Long.class))
			.setParameter("countOffset", offset)
			.setParameter("countLimit", limit)
			.getSingleResult();
	}

	/** Counts the rows of a list from {@code offset}, at most {@code limit} of them. */
	@FunctionalInterface
	public interface WindowCount {

		long rows(int offset, int limit);

	}

}
