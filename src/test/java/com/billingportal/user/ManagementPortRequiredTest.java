package com.billingportal.user;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The portal does not start with the actuator on the application's port, where no sign-in guards it. */
class ManagementPortRequiredTest {

	@Test
	void theActuatorOnTheApplicationsPortIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SecurityConfiguration.requireManagementPortOfItsOwn(
					new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "8080")))
			.withMessageContaining("management.server.port");
		assertThatIllegalStateException().isThrownBy(
				() -> SecurityConfiguration.requireManagementPortOfItsOwn(new MockEnvironment()));
	}

	@Test
	void aPortOfItsOwnOrNoActuatorAtAllIsAccepted() {
		assertThatCode(() -> SecurityConfiguration.requireManagementPortOfItsOwn(
				new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "8081")))
			.doesNotThrowAnyException();
		assertThatCode(() -> SecurityConfiguration
			.requireManagementPortOfItsOwn(new MockEnvironment().withProperty("management.server.port", "-1")))
			.doesNotThrowAnyException();
	}

}
