package com.billingportal.api.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path under {@code /api/} that no endpoint answers, or a method it does not take: a problem
 * detail too. Any other path is left to the portal's error pages (the exception goes on as it was).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiFallbackProblems {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class,
			HttpRequestMethodNotSupportedException.class })
	ResponseEntity<ProblemDetail> unmapped(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			ResponseEntity<ProblemDetail> problem = ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED,
					"method-not-allowed", "This endpoint does not take " + unsupported.getMethod() + ".", null);
			return ResponseEntity.status(problem.getStatusCode())
				.headers(problem.getHeaders())
				.allow(unsupported.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
				.body(problem.getBody());
		}
		return ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "No such endpoint.", null);
	}

}
