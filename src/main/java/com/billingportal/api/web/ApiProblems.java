package com.billingportal.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.billingportal.api.ApiAccounts;
import com.billingportal.api.ApiProblemResponses;
import com.billingportal.invoice.InvoiceIntake;
import com.billingportal.portal.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the API as an RFC 9457 problem detail ({@code application/problem+json}): a
 * type, a title, the status, a detail, and for invalid input the fields and why; never a stack
 * trace. Ahead of the portal's error pages, for the API's controllers only.
 */
@RestControllerAdvice(basePackages = { "com.billingportal.api.web", "com.billingportal.webhook.web" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> Map.of("field", e.getField(), "reason", String.valueOf(e.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields.", errors);
	}

	@ExceptionHandler(InvalidField.class)
	ResponseEntity<ProblemDetail> invalidField(InvalidField ex) {
		return problem(ex.status(), "invalid-request", "The request has an invalid field.",
				List.of(Map.of("field", ex.field(), "reason", ex.getMessage())));
	}

	@ExceptionHandler(InvoiceIntake.Refused.class)
	ResponseEntity<ProblemDetail> refused(InvoiceIntake.Refused ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "The invoice cannot be issued as sent.",
				List.of(Map.of("field", ex.field(), "reason", ex.getMessage())));
	}

	@ExceptionHandler(ApiAccounts.AdminEmailInvalid.class)
	ResponseEntity<ProblemDetail> adminEmailInvalid(ApiAccounts.AdminEmailInvalid ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", ex.getMessage(), List.of(Map.of("field",
				"adminEmail", "reason", "is not an email address the portal accepts (no hidden or look-alike characters)")));
	}

	@ExceptionHandler({ InvoiceIntake.NumberTaken.class, InvoiceIntake.NotVoidable.class,
			ApiAccounts.AdminChangeRefused.class, Conflict.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
		return problem(HttpStatus.CONFLICT, "conflict", ex.getMessage(), null);
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> notFound(Exception ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "No such object for this API key.", null);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MissingRequestHeaderException.class,
			MissingServletRequestParameterException.class, HandlerMethodValidationException.class,
			ConstraintViolationException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception ex) {
		String detail = "A parameter is invalid.";
		if (ex instanceof MissingRequestHeaderException missing) {
			detail = "The header " + missing.getHeaderName() + " is required.";
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			detail = "The parameter " + missing.getParameterName() + " is required.";
		}
		else if (ex instanceof HttpMessageNotReadableException) {
			detail = "The body is not the JSON this endpoint reads.";
		}
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", detail, null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send application/json.", null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"The request could not be completed; it is safe to retry.", null);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(ApiProblemResponses.TYPE_BASE + type));
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A request that conflicts with what the portal holds. */
	static class Conflict extends RuntimeException {

		Conflict(String message) {
			super(message);
		}

	}

}
