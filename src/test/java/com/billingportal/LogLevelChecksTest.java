package com.billingportal;

import ch.qos.logback.classic.LoggerContext;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A logger asked whether it logs at a level answers from its level alone: no Logback turbo filter is
 * installed (Micrometer's counter of log events is one, and with any turbo filter every
 * {@code isTraceEnabled} call, which Hibernate makes for each row it reads, walks the filter list).
 */
@PortalTest
class LogLevelChecksTest {

	@Test
	void noTurboFilterStandsBeforeTheLevelChecks() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(context.getTurboFilterList()).as("Logback turbo filters").isEmpty();
	}

}
