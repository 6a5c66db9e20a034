package com.billingportal.portal;

import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Room in Thymeleaf's expression cache for every expression of the pages. Thymeleaf keeps at most
 * 500 parsed expressions by default and drops the oldest beyond that; the pages have about 600
 * distinct {@code ${...}} expressions alone, and each takes more than one entry (Thymeleaf's parsed
 * expression and the SpEL one), so the pages kept pushing one another's expressions out: each was
 * parsed again, and with the SpEL compiler on ({@code spring.thymeleaf.enable-spring-el-compiler})
 * compiled again into a new class, which the JIT then compiled too. That was one of the two causes
 * of the classes SpEL kept compiling under a load over all pages, for as long as the portal ran
 * ({@code -Xlog:class+load}: every class loaded after minutes of load was a
 * {@code spel.generated.CompiledExpression}); the other was an expression evaluated on values of
 * different types ({@link Choice}). The cache is bounded by the templates, not by the data: the
 * only expressions built at run time are the card form's field paths ({@code __${p}__}), one per
 * field and prefix.
 */
@Configuration(proxyBeanMethods = false)
class TemplateExpressionCache {

	/**
	 * Entries: every page together uses more than 500 and fewer than half of this
	 * ({@code TemplateExpressionCacheTest}); a few MB at most, held by soft references.
	 */
	static final int MAX_EXPRESSIONS = 10_000;

	@Bean
	static BeanPostProcessor templateExpressionCacheSize() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					StandardCacheManager caches = new StandardCacheManager();
					caches.setExpressionCacheMaxSize(MAX_EXPRESSIONS);
					engine.setCacheManager(caches);
				}
				return bean;
			}

		};
	}

}
