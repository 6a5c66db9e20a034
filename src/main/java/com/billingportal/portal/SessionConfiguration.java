package com.billingportal.portal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in the database so that any node serves any signed-in user. Two requests of one
 * session at once (two tabs, two nodes) may both add the same attribute, e.g. a flash message:
 * the attribute is written with an upsert so that neither request fails on the primary key. The
 * session row is written back only when something in it changed or its last access is a minute old,
 * and read once per request ({@link SessionTouchedEveryMinute}); the signed-in user's security
 * context and CSRF token are kept in fields of their own ({@link SessionValues}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	private static final String H2_UPSERT_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
			""";

	/**
	 * Spring Session's filter takes the session repository by its type: the database's repository is
	 * handed out wrapped. (Defining a second repository bean instead would switch off Spring Boot's
	 * JDBC session configuration.)
	 */
	@Bean
	static BeanPostProcessor sessionTouchedEveryMinute() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions) ? new SessionTouchedEveryMinute(sessions)
						: bean;
			}
		};
	}

	/** The request scope of {@link SessionTouchedEveryMinute#requestScope()}: a session read once per request. */
	@Bean
	FilterRegistrationBean<Filter> sessionRequestScope() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				SessionTouchedEveryMinute.requestScope());
		// Before Spring Session's filter (DEFAULT_ORDER), which is all that matters; StaticFilesSecurity's
		// takes DEFAULT_ORDER - 1.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * The security context and the CSRF token kept in fields rather than Java serialization
	 * ({@link SessionValues}); every value in Java serialization while
	 * {@code billing.sessions.java-serialization} is true (a rolling upgrade from a portal that reads
	 * only that: docs/operations.md).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionValues(ApplicationContext context,
			@Value("${billing.sessions.java-serialization:false}") boolean javaSerialization) {
		return (repository) -> repository
			.setConversionService(SessionValues.conversionService(context.getClassLoader(), !javaSerialization));
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		if ("PostgreSQL".equalsIgnoreCase(product)) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if ("H2".equalsIgnoreCase(product)) {
			return (repository) -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
		}
		return (repository) -> {
		};
	}

}
