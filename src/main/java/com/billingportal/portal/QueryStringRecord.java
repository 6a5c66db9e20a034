package com.billingportal.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record of {@code String} components that a controller takes as an argument, each component from
 * the request parameter of its name ({@link QueryStringRecords}): a list's address as typed (its
 * filters and page). Bound as Spring MVC binds such a record, without its data binder's reflection on
 * every request.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryStringRecord {

}
