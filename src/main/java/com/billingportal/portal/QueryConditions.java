package com.billingportal.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Query;

/**
 * The optional filters of a list query as JPQL conditions: only the filters the user chose become
 * conditions (PostgreSQL cannot type a parameter tested with "is null or"), and the query stays a
 * string, so that Hibernate parses and translates each combination of filters once and finds it in
 * its query plan cache afterwards (a Criteria query is built and compared anew on every request).
 * <p>
 * Conditions are fixed text written in the code; what the user chose only ever arrives as a
 * parameter.
 */
public final class QueryConditions {

	private final StringBuilder text = new StringBuilder();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	/** Adds {@code condition}, which names {@code :parameter}, bound to {@code value}. */
	public QueryConditions and(String condition, String parameter, Object value) {
		this.parameters.put(parameter, value);
		return and(condition);
	}

	/** Adds a condition with no parameter. */
	public QueryConditions and(String condition) {
		this.text.append(this.text.isEmpty() ? " where " : " and ").append(condition);
		return this;
	}

	/** As {@link #and}, only when {@code value} is not null: a filter the user left empty adds nothing. */
	public QueryConditions andIfPresent(String condition, String parameter, Object value) {
		return (value != null) ? and(condition, parameter, value) : this;
	}

	/** The where clause, starting with a space. */
	@Override
	public String toString() {
		return this.text.toString();
	}

	/** Binds the conditions' parameters to the query made from a text that includes them. */
	public <Q extends Query> Q bind(Q query) {
		this.parameters.forEach(query::setParameter);
		return query;
	}

}
