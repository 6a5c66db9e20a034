package com.billingportal.portal;

import java.time.Clock;
import java.util.List;

import com.billingportal.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	/**
	 * The language follows the browser until the user picks one in the top bar; then a cookie keeps
	 * it. Only English and Simplified Chinese ever come out ({@link PortalLocales}).
	 */
	@Bean
	LocaleResolver localeResolver(ObjectProvider<UserService> users) {
		return new PortalLocales(users);
	}

	/**
	 * Pages sent whole, with a Content-Length, in one write ({@link WholeResponses}); first, with Spring
	 * Boot's character encoding filter (which writes nothing), so that it wraps the filters that commit
	 * the session before the response.
	 */
	@Bean
	FilterRegistrationBean<WholeResponses> wholeResponses() {
		FilterRegistrationBean<WholeResponses> registration = new FilterRegistrationBean<>(new WholeResponses());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The lists' addresses as typed ({@link QueryStringRecord}). */
	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new QueryStringRecords());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		// A value that is not a language at all is ignored; any other is mapped by PortalLocales.
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new TopBarUser());
	}

}
