package com.billingportal.account.web;

import java.util.List;

import com.billingportal.account.AccountAccessQuery;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets every controller take the caller's {@code AccountAccess} as an argument. */
@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

	private final AccountAccessQuery accounts;

	AccountWebConfiguration(AccountAccessQuery accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AccountAccessResolver(this.accounts));
	}

}
