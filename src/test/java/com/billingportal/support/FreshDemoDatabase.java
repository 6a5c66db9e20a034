package com.billingportal.support;

import org.flywaydb.core.Flyway;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Gives each {@link PortalTest} class the demo database as a fresh portal has it: the schema is
 * dropped and migrated again with the demo data, the clock is back to the real time and the
 * gateway works. Much cheaper than a new application context per class, and just as independent.
 */
class FreshDemoDatabase implements TestExecutionListener {

	@Override
	public void beforeTestClass(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		Flyway flyway = context.getBean(Flyway.class);
		flyway.clean();
		flyway.migrate();
		context.getBean(MutableClock.class).reset();
		context.getBean(FaultyGateway.class).fail(FaultyGateway.Fault.NONE);
	}

}
