package com.billingportal.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record of {@code String} components that a controller takes as an argument, each component from
 * the request parameter of its name ({@link QueryStringRecords}): a list's address as typed (its
 * filters and page), from the query string or, on a POST that carries it, the form. Bound as Spring
 * MVC's data binder binds such a record from request parameters, without its reflection on every
 * request; unlike the binder, it reads no path variable or header, knows no {@code @Valid}, and does
 * not add the record to the model. A parameter marked {@code @ModelAttribute} goes to Spring's binder
 * instead. Meant for what cannot be wrong (anything unknown means "all", see the records).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryStringRecord {

}
