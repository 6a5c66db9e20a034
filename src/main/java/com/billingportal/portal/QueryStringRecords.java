package com.billingportal.portal;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds a {@link QueryStringRecord} from the request's parameters: each component from the parameter
 * of its name, absent as {@code null}, several values joined with commas, as Spring MVC's constructor
 * binding does for a {@code String}. The record's constructor and component names are found once per
 * class. Spring's data binder, which bound these records before, looked them up by reflection on every
 * request ({@code BeanUtils.getResolvableConstructor}, {@code Class.getRecordComponents}, parameter names
 * and nullness): 5 % of the Invoices page's CPU in async-profiler (docs/performance.md). Unlike an implicit
 * {@code @ModelAttribute}, the record is not added to the model: no template reads it from there.
 */
final class QueryStringRecords implements HandlerMethodArgumentResolver {

	private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
		@Override
		protected Shape computeValue(Class<?> type) {
			return Shape.of(type);
		}
	};

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType().isAnnotationPresent(QueryStringRecord.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) throws Exception {
		Shape shape = SHAPES.get(parameter.getParameterType());
		Object[] values = new Object[shape.names.length];
		for (int i = 0; i < values.length; i++) {
			String[] given = request.getParameterValues(shape.names[i]);
			values[i] = (given == null) ? null
					: (given.length == 1) ? given[0] : StringUtils.arrayToCommaDelimitedString(given);
		}
		return shape.constructor.newInstance(values);
	}

	/** A record's canonical constructor and its components' names, in order. */
	private record Shape(Constructor<?> constructor, String[] names) {

		static Shape of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			if (components == null || Arrays.stream(components).anyMatch((c) -> c.getType() != String.class)) {
				throw new IllegalStateException(type.getName() + " is marked @QueryStringRecord but is not a record of "
						+ "String components");
			}
			try {
				Constructor<?> constructor = type.getDeclaredConstructor(
						Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
				constructor.setAccessible(true);
				return new Shape(constructor,
						Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(type.getName() + " has no canonical constructor", ex);
			}
		}

	}

}
