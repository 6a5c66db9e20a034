package com.billingportal.portal;

import com.billingportal.BillingPortalApplication;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The repositories of every module, as Spring Boot would find them, with their queries read by
 * Spring Data only when used ({@link QueriesParsedWhenUsed}).
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = BillingPortalApplication.class,
		queryEnhancerSelector = QueriesParsedWhenUsed.class)
class RepositoriesConfiguration {

}
