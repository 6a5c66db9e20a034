package com.billingportal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.thymeleaf.cache.ExpressionCacheKey;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.expression.spel.standard.SpelCompiler;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page's expressions stay parsed (and compiled) once the pages have been seen: none is pushed
 * out of Thymeleaf's expression cache by another page's and parsed and compiled again on a later
 * request. With Thymeleaf's default bound (500 entries) the admin's pages, opened one after the
 * other, dropped the first pages' expressions before the last page was done.
 */
@PortalTest
class TemplateExpressionCacheTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	SpringTemplateEngine templates;

	@Test
	void thePagesExpressionsAllFitAndStayInTheCache() throws Exception {
		everyPage();
		ICache<ExpressionCacheKey, Object> cache = this.templates.getCacheManager().getExpressionCache();
		Set<ExpressionCacheKey> seen = new HashSet<>(cache.keySet());

		everyPage();
		assertThat(cache.keySet()).as("every expression of the first round still cached after the second")
			.containsAll(seen);
		assertThat(seen).as("the pages' expressions, more than Thymeleaf's default bound of 500").hasSizeGreaterThan(500);
		int bound = ((StandardCacheManager) this.templates.getCacheManager()).getExpressionCacheMaxSize();
		assertThat(cache.keySet()).as("room to spare in the bound").hasSizeLessThan(bound / 2);
	}

	/**
	 * Lists, whose shared fragments (the filters) and rows evaluate the same expressions many times a
	 * page, opened in turn as users do: once SpEL has compiled what it compiles (an expression is
	 * compiled after 100 evaluations), no page makes another page's compiled expression fall back
	 * and be compiled again into a new class (an expression whose value has another type on another
	 * page, or in another loop of the same fragment, did: the filters' statuses and time spans).
	 */
	@Test
	void alternatingPagesCompileNoExpressionAgain() throws Exception {
		Map<String, String> values = this.demo.routeValues();
		List<String> urls = Stream
			.of("/billing/accounts/{accountId}/invoices", "/billing/accounts/{accountId}/payments",
					"/billing/accounts/{accountId}/invoices?status=PAST_DUE&span=LAST_12_MONTHS",
					"/billing/accounts/{accountId}/payments?status=SUCCEEDED", "/billing/accounts/{accountId}",
					"/billing/accounts/{accountId}/invoices/{number}", "/billing/accounts/{accountId}/invoices/{number}/pay")
			.map((route) -> DemoData.fillRoute(route, values))
			.toList();
		for (int round = 0; round < 120; round++) {
			open(urls);
		}
		int compiled = spelClassesDefined();
		assertThat(compiled).as("expressions SpEL compiled while the pages were seen 120 times each").isPositive();
		for (int round = 0; round < 60; round++) {
			open(urls);
		}
		assertThat(spelClassesDefined()).as("classes SpEL compiled after the pages had been seen 120 times each")
			.isEqualTo(compiled);
	}

	/**
	 * The classes SpEL's compiler has generated so far for the class loader Thymeleaf compiles the
	 * pages' expressions with (its SpEL evaluator's own): the compiler's counter of class names, which,
	 * unlike its class loader's count, does not start again when it replaces a full class loader.
	 * Spring offers no public way to read it (private field {@code suffixId}, Spring Framework 7.0).
	 */
	private static int spelClassesDefined() {
		SpelCompiler compiler = SpelCompiler.getCompiler(SPELVariableExpressionEvaluator.class.getClassLoader());
		AtomicInteger names = (AtomicInteger) ReflectionTestUtils.getField(compiler, "suffixId");
		return names.get();
	}

	/** Opens each page as the Contoso admin; each must answer (200, or 302 where a page redirects). */
	private void open(List<String> urls) throws Exception {
		for (String url : urls) {
			int status = this.mvc.perform(get(url).with(user(this.demo.user(DemoData.CONTOSO_ADMIN))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(url).isIn(200, 302);
		}
	}

	/** Every page of PageStatementsTest's list, once. */
	private void everyPage() throws Exception {
		Map<String, String> values = this.demo.routeValues();
		open(PageStatementsTest.BUDGET.keySet().stream().map((route) -> DemoData.fillRoute(route, values)).toList());
	}

}
