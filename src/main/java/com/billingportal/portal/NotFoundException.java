package com.billingportal.portal;

/**
 * Not there, or not the user's to see: both answer 404 so that an id never hints that an object
 * of another billing account exists.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
