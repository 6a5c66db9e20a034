package com.billingportal.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs each application context the tests start, numbered, so that a test run shows how many it
 * needed (registered for every test application in META-INF/spring.factories).
 */
public class ContextStarts implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(ContextStarts.class);

	private static final AtomicInteger started = new AtomicInteger();

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		log.info("Test application context #{} started ({} s)", started.incrementAndGet(),
				event.getTimeTaken().toMillis() / 1000.0);
	}

}
