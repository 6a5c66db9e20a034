package com.billingportal.portal;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Style sheets, scripts and images, under content-hashed URLs ({@code /css/portal-<md5>.css},
 * written into the pages by Thymeleaf's {@code @{...}}), so that a browser may keep them a year: a
 * change is a new URL. Mapped to their three folders only, not to every path as Spring Boot's
 * default {@code /**} would: with that, rewriting each link of a page for a hash would first look
 * for a file of that name in the class path, on every page and every link. Links elsewhere skip that
 * rewriting altogether ({@link StaticFileLinks}). Each file is read once and then served from
 * memory ({@link StaticFilesInMemory}).
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebMvcConfigurer {

	private static final String[] FOLDERS = { "css", "js", "images" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addTransformer(new StaticFilesInMemory());
		}
	}

	/** Thymeleaf's links rewritten for a hash only where they point into one of the folders. */
	@Bean
	static BeanPostProcessor staticFileLinks() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					String[] prefixes = new String[FOLDERS.length];
					for (int i = 0; i < FOLDERS.length; i++) {
						prefixes[i] = "/" + FOLDERS[i] + "/";
					}
					engine.setLinkBuilder(new StaticFileLinks(prefixes));
				}
				return bean;
			}

		};
	}

}
