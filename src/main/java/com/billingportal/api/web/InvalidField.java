package com.billingportal.api.web;

import org.springframework.http.HttpStatus;

/** A field of a request that is well-formed but cannot be accepted: a problem detail naming it. */
class InvalidField extends RuntimeException {

	private final HttpStatus status;

	private final String field;

	InvalidField(HttpStatus status, String field, String reason) {
		super(reason);
		this.status = status;
		this.field = field;
	}

	HttpStatus status() {
		return this.status;
	}

	String field() {
		return this.field;
	}

}
