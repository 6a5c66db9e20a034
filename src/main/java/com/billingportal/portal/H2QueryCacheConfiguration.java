package com.billingportal.portal;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded H2 database keeps the statements it has parsed per connection, but only the last 8
 * by default. Paying an invoice runs some 60 different statements (the payment, its audit, the
 * account's totals, the receipt email, the webhook outbox), so nearly every one was parsed again:
 * 10 % of the pay flow's CPU time in H2's parser (JFR, docs/performance.md). Every H2 address the
 * portal is given, also one set by {@code spring.datasource.url}, gets a cache of
 * {@value #H2_QUERY_CACHE_SIZE} unless it names its own {@code QUERY_CACHE_SIZE}. PostgreSQL's driver
 * keeps its prepared statements itself.
 * <p>
 * Spring Boot builds the {@code HikariDataSource} from {@code spring.datasource.url}; the address is
 * completed by a {@code BeanPostProcessor} (static, so that it is registered before the data source
 * is made) before the bean is initialized, that is before Hikari opens a connection, after which it
 * takes no more changes.
 */
@Configuration(proxyBeanMethods = false)
class H2QueryCacheConfiguration {

	static final int H2_QUERY_CACHE_SIZE = 256;

	@Bean
	static BeanPostProcessor h2QueryCache() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource dataSource) {
					dataSource.setJdbcUrl(withQueryCache(dataSource.getJdbcUrl()));
				}
				return bean;
			}
		};
	}

	/** An H2 address with a query cache of its own; any other address as it is. */
	static String withQueryCache(String url) {
		if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
			return url;
		}
		return url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
	}

}
