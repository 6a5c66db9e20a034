package com.billingportal.portal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import com.billingportal.invoice.InvoiceListQuery;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The lists' addresses ({@link QueryStringRecord}) are bound by {@link QueryStringRecords} as Spring MVC's
 * data binder bound them before: every query string below gives the same record both ways.
 */
class QueryStringRecordsTest {

	/** Query strings as a browser, a bookmark or someone at the address bar may send them. */
	private static final List<Map<String, String[]>> QUERIES = List.of(Map.of(),
			Map.of("status", new String[] { "PAID" }, "span", new String[] { "LAST_12_MONTHS" }),
			Map.of("profile", new String[] { "7" }, "page", new String[] { "3" }),
			Map.of("status", new String[] { "" }, "page", new String[] { "" }),
			Map.of("status", new String[] { "PAID", "DUE" }, "page", new String[] { "1", "2", "x" }),
			Map.of("span", new String[] { "ALL", "" }), Map.of("page", new String[] { "2147483648" }),
			Map.of("status", new String[] { "已付款 <script>" }, "other", new String[] { "ignored" }),
			Map.of("Status", new String[] { "PAID" }, "page ", new String[] { "4" }));

	private final QueryStringRecords records = new QueryStringRecords();

	@Test
	void givesTheRecordSpringsBinderGave() throws Exception {
		Class<?> payments = Class.forName("com.billingportal.payment.web.PaymentListQuery");
		for (Class<?> type : List.of(InvoiceListQuery.class, payments, Paging.class)) {
			MethodParameter parameter = parameter(type);
			assertThat(this.records.supportsParameter(parameter)).isTrue();
			for (Map<String, String[]> query : QUERIES) {
				Object ours = this.records.resolveArgument(parameter, new ModelAndViewContainer(),
						new ServletWebRequest(request(query)), new DefaultDataBinderFactory(null));
				assertThat(ours).as(type.getSimpleName() + " " + describe(query)).isEqualTo(springs(parameter, query));
			}
		}
	}

	@Test
	void leavesOtherArgumentsToSpring() throws Exception {
		assertThat(this.records.supportsParameter(parameter(Unmarked.class))).isFalse();
		assertThat(this.records.supportsParameter(parameter(String.class))).isFalse();
	}

	@Test
	void refusesAMarkedTypeThatIsNotARecordOfStrings() throws Exception {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.records.resolveArgument(parameter(NotStrings.class), new ModelAndViewContainer(),
					new ServletWebRequest(request(Map.of())), new DefaultDataBinderFactory(null)))
			.withMessageContaining("not a record of String components");
	}

	private static Object springs(MethodParameter parameter, Map<String, String[]> query) throws Exception {
		// With a conversion service, as Spring MVC configures its binders (Spring Boot's extends this one).
		ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
		initializer.setConversionService(new DefaultFormattingConversionService());
		WebDataBinderFactory binders = new ServletRequestDataBinderFactory(null, initializer);
		return new ServletModelAttributeMethodProcessor(true).resolveArgument(parameter, new ModelAndViewContainer(),
				new ServletWebRequest(request(query)), binders);
	}

	private static MockHttpServletRequest request(Map<String, String[]> query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/billing/accounts/1/invoices");
		query.forEach(request::setParameter);
		return request;
	}

	private static String describe(Map<String, String[]> query) {
		StringBuilder s = new StringBuilder("?");
		query.forEach((k, v) -> s.append(k).append('=').append(String.join("&" + k + "=", v)).append('&'));
		return s.toString();
	}

	private static MethodParameter parameter(Class<?> type) throws NoSuchMethodException {
		Method method = Handlers.class.getDeclaredMethod("handle", Object.class);
		return new MethodParameter(method, 0) {
			@Override
			public Class<?> getParameterType() {
				return type;
			}

			@Override
			public java.lang.reflect.Type getGenericParameterType() {
				return type;
			}
		};
	}

	static class Handlers {

		void handle(Object argument) {
		}

	}

	/** Package-private and nested, as a record in a test or a controller may be. */
	@QueryStringRecord
	record Paging(String status, String span, String page) {
	}

	record Unmarked(String page) {
	}

	@QueryStringRecord
	record NotStrings(String status, int page) {
	}

}
