package com.billingportal.portal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import com.billingportal.BillingPortalApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every repository's {@code @Query} is one Spring Data's own parser reads: the portal leaves that
 * parse to a query's first use ({@link QueriesParsedWhenUsed}), so a query Hibernate takes at
 * start-up but Spring Data's grammar refuses would otherwise fail only when first run.
 */
class QueriesParseTest {

	@Test
	void springDataParsesEveryRepositoryQuery() throws Exception {
		List<String> queries = repositoryQueries();

		assertThat(queries).as("the repositories' JPQL queries").hasSizeGreaterThan(30)
			.anyMatch(jpql -> jpql.startsWith("update EmailMessage e set e.status"));
		for (String jpql : queries) {
			DeclaredQuery query = DeclaredQuery.jpqlQuery(jpql);
			QueryEnhancer enhancer = QueryEnhancerSelector.DEFAULT_SELECTOR.select(query).create(query);
			assertThatCode(() -> {
				enhancer.hasConstructorExpression();
				enhancer.detectAlias();
			}).as(jpql).doesNotThrowAnyException();
		}
	}

	private static List<String> repositoryQueries() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
		List<String> queries = new ArrayList<>();
		String base = ClassUtils.getPackageName(BillingPortalApplication.class);
		for (BeanDefinition repository : scanner.findCandidateComponents(base)) {
			for (Method method : Class.forName(repository.getBeanClassName()).getDeclaredMethods()) {
				Query query = method.getAnnotation(Query.class);
				if (query != null && !query.nativeQuery()) {
					queries.add(query.value());
					if (!query.countQuery().isEmpty()) {
						queries.add(query.countQuery());
					}
				}
			}
		}
		return queries;
	}

}
